using System.Net;
using System.Xml.Linq;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>The portal's status page: published updates per service, the Atom feed, email subscriptions with double opt-in.</summary>
public sealed class StatusPageTests
{
    private const string Subscriber = "dsi@client.test";

    private static Task<HttpResponseMessage> PublishAsync(StaffSession agent, string incident, string message) =>
        PostAsync(agent, incident, "Publish", new Dictionary<string, string> { ["PublicMessage"] = message });

    private static string LinkIn(MimeKit.MimeMessage message, string path)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf(path, StringComparison.Ordinal);
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[start..end];
    }

    [Fact]
    public async Task Only_published_updates_appear_on_the_status_page_current_then_in_the_history_of_each_service()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var visitor = StaffSession.Anonymous(host);
        var incident = await DeclareAsync(agent);
        await DeclareAsync(agent, f => f["Input.Title"] = "Incident interne non publié");

        Assert.Contains("Tous les services fonctionnent normalement.", Flat(await visitor.GetStringAsync("/status")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(agent, incident, "Nos équipes analysent une panne de la messagerie.")).StatusCode);
        var page = await visitor.GetStringAsync("/status");
        var current = Part(page, "current-incidents");
        Assert.Contains("Messagerie indisponible Investigation en cours", current, StringComparison.Ordinal);
        Assert.Contains("Nos équipes analysent une panne de la messagerie.", current, StringComparison.Ordinal);
        Assert.DoesNotContain("Incident interne non publié", Flat(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Les serveurs Exchange", Flat(page), StringComparison.Ordinal);
        Assert.Contains("Webmail Perturbé", Part(page, "history"), StringComparison.Ordinal);

        await PostAsync(agent, incident, "State", new Dictionary<string, string> { ["NewState"] = "Resolved", ["Note"] = "" });
        await PublishAsync(agent, incident, "La messagerie fonctionne de nouveau.");
        page = await visitor.GetStringAsync("/status");
        Assert.Contains("Tous les services fonctionnent normalement.", Flat(page), StringComparison.Ordinal);
        var history = Part(page, "history");
        Assert.Contains("Messagerie Opérationnel", history, StringComparison.Ordinal);
        Assert.True(history.IndexOf("La messagerie fonctionne de nouveau.", StringComparison.Ordinal) < history.IndexOf("Nos équipes analysent", StringComparison.Ordinal), history);
        Assert.Contains("Publié sur la page d'état : La messagerie fonctionne de nouveau.", Part(await agent.GetStringAsync(incident), "timeline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_atom_feed_has_one_entry_per_published_update()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(agent);
        await PublishAsync(agent, incident, "Première annonce.");
        await PublishAsync(agent, incident, "Deuxième annonce <b>sans balise</b>.");

        using var visitor = StaffSession.Anonymous(host);
        var response = await visitor.GetAsync("/status/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Deuxième annonce <b>sans balise</b>.", entries[0].Element(atom + "content")!.Value);
        Assert.Equal("INC-0001 · Messagerie indisponible · Investigation en cours / Investigating", entries[0].Element(atom + "title")!.Value);
        Assert.Equal(["Messagerie", "Webmail"], entries[0].Elements(atom + "category").Select(c => c.Attribute("term")!.Value));
    }

    [Fact]
    public async Task A_subscriber_confirms_by_the_emailed_link_receives_updates_and_unsubscribes_by_the_link_in_each()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        using var visitor = StaffSession.Anonymous(host);
        var incident = await DeclareAsync(agent);

        var invalid = await visitor.SubmitAsync("/status", new Dictionary<string, string> { ["Email"] = "pas-une-adresse" });
        Assert.Contains("Saisissez une adresse e-mail valide.", Flat(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var subscribed = await visitor.SubmitAsync("/status", new Dictionary<string, string> { ["Email"] = Subscriber });
        Assert.Equal(HttpStatusCode.Redirect, subscribed.StatusCode);
        Assert.Contains("un lien de confirmation lui a été envoyé", Flat(await visitor.GetStringAsync("/status")), StringComparison.Ordinal);
        var mailbox = new PickupMailbox(host);
        var confirmation = Assert.Single(await mailbox.WaitForAsync(Subscriber, "Confirmez votre abonnement"));

        // Not confirmed yet: the first update goes to nobody.
        await PublishAsync(agent, incident, "Première annonce.");
        var confirm = new Uri(LinkIn(confirmation, "http")).PathAndQuery;
        Assert.Contains("Confirmez que vous souhaitez recevoir", Flat(await visitor.GetStringAsync(confirm)), StringComparison.Ordinal);
        var confirmed = await visitor.SubmitAsync(confirm, new Dictionary<string, string>());
        Assert.Contains("Votre abonnement est confirmé", Flat(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var forged = await visitor.SubmitAsync(confirm, new Dictionary<string, string>(), confirm + "x");
        Assert.Contains("Ce lien n'est pas valide ou a expiré.", Flat(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await PublishAsync(agent, incident, "Deuxième annonce.");
        var update = Assert.Single(await mailbox.WaitForAsync(Subscriber, "[INC-0001] Messagerie indisponible"));
        Assert.StartsWith("Deuxième annonce.", update.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mailbox.To(Subscriber), m => (m.TextBody ?? "").Contains("Première annonce.", StringComparison.Ordinal));

        var unsubscribe = new Uri(LinkIn(update, "http://localhost/status/unsubscribe/")).PathAndQuery;
        var done = await visitor.SubmitAsync(unsubscribe, new Dictionary<string, string>());
        Assert.Contains("Vous ne recevrez plus les annonces d'incidents.", Flat(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await PublishAsync(agent, incident, "Troisième annonce.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(mailbox.To(Subscriber), m => (m.TextBody ?? "").Contains("Troisième annonce.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_public_update_is_refused_and_nothing_is_published()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(agent);

        var refused = await PublishAsync(agent, incident, "  ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Rédigez le message public.", Flat(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Tous les services fonctionnent normalement.", Flat(await agent.GetStringAsync("/status")), StringComparison.Ordinal);
    }
}
