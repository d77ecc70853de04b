using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>The RCA report: a printable page and a PDF built from the incident and its post-mortem; customers of impacted companies request it from the status page and an agent approves it.</summary>
public sealed partial class RcaReportTests
{
    private const string OtherCustomer = "paul@martin.test";
    private const string Stranger = "qui@inconnu.test";
    private const string Answer = "Votre demande a été enregistrée. Vous recevrez une réponse par e-mail à l'adresse indiquée.";

    private static SupportHostFactory Host(ManualClock clock, Dictionary<string, string?>? settings = null) =>
        new SupportHostFactory(settings: settings).WithServices(s => s.AddSingleton<TimeProvider>(clock));

    private static ManualClock Clock() => new(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc));

    /// <summary>An Acme customer and a Martin customer; an incident impacting Acme, notified, published on the status page, then resolved.</summary>
    private static async Task<string> ResolvedAcmeIncidentAsync(SupportHostFactory host, StaffSession agent, ManualClock clock)
    {
        await OpenTicketAsync(host);
        await OpenTicketAsync(host, f => { f["Input.Company"] = "Bâtiments Martin"; f["Input.Email"] = OtherCustomer; });
        var incident = await DeclareAsync(agent);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseCompaniesAsync(host, agent, incident, "Acme Industries")).StatusCode);
        await PostAsync(agent, incident, "State", new Dictionary<string, string> { ["NewState"] = "Investigating", ["Note"] = "Interne : redémarrer EXCH02 sans prévenir la direction" });
        clock.Set(clock.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.Redirect, (await DetermineImpactAsync(agent, incident)).StatusCode);
        clock.Set(clock.UtcNow.AddMinutes(12));
        Assert.Equal(HttpStatusCode.Redirect, (await NotifyAsync(agent, incident, "Incident en cours : messagerie", "La messagerie est indisponible.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Publish", new Dictionary<string, string> { ["PublicMessage"] = "La messagerie est indisponible, nous enquêtons." })).StatusCode);
        clock.Set(clock.UtcNow.AddMinutes(118));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "State", new Dictionary<string, string> { ["NewState"] = "Resolved", ["Note"] = "" })).StatusCode);
        return incident;
    }

    private static async Task RecordPostMortemAsync(StaffSession agent, string incident)
    {
        var review = incident + "/PostMortem";
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, new Dictionary<string, string>
        {
            ["Input.Participants"] = "Support, Exploitation",
            ["Input.WentWell"] = "Clients notifiés en 12 minutes.",
            ["Input.WentBadly"] = "L'alerte disque n'a pas été vue.",
            ["Input.RootCauses"] = "Disque plein sur EXCH02 : journaux de transactions non purgés.",
            ["Input.ContributingFactors"] = "Rotation des journaux désactivée après la mise à jour.",
        })).StatusCode);
        var owner = Regex.Match(await agent.GetStringAsync(review), "name=\"NewAction.OwnerId\"[^>]*>\\s*<option value=\"\">—</option>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SubmitAsync(review, new Dictionary<string, string> { ["NewAction.Title"] = "Superviser l'espace disque des serveurs Exchange", ["NewAction.OwnerId"] = owner, ["NewAction.DueOn"] = "2026-12-15" }, review + "?handler=Action")).StatusCode);
    }

    private static Task<HttpResponseMessage> RequestAsync(StaffSession visitor, string email, string ticket = "", string message = "") =>
        visitor.SubmitAsync("/status/1/rca", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.TicketNumber"] = ticket, ["Input.Message"] = message });

    private static async Task<string> AnswerAfterAsync(StaffSession visitor, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Element(await visitor.GetStringAsync(response.Headers.Location!.OriginalString), "rca-request-sent");
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Spaces().Replace(string.Join(" ", document.GetPages().Select(p => p.Text)), " ");
    }

    private static byte[] Attachment(MimeMessage message, string fileName)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.FileName == fileName);
        Assert.Equal("application/pdf", part.ContentType.MimeType);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task The_rca_report_is_a_printable_page_and_a_pdf_built_from_the_incident_and_its_post_mortem()
    {
        var clock = Clock();
        await using var host = Host(clock);
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ResolvedAcmeIncidentAsync(host, agent, clock);

        var before = await agent.GetStringAsync(incident + "/Rca");
        Assert.Contains("Le rapport RCA est généré à partir du post-mortem : enregistrez-le d'abord.", Part(before, "rca-unavailable"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(incident + "/Rca?handler=Pdf")).StatusCode);

        await RecordPostMortemAsync(agent, incident);
        var page = await agent.GetStringAsync(incident + "/Rca");
        Assert.DoesNotContain("navbar", page, StringComparison.Ordinal);
        Assert.Contains("d-print-none", page, StringComparison.Ordinal);
        Assert.Equal("INC-0001 · Messagerie indisponible", Element(page, "rca-title"));
        Assert.Contains("Les serveurs Exchange ne répondent plus depuis 9 h 10.", Part(page, "rca-summary"), StringComparison.Ordinal);
        Assert.Contains("Messagerie, Webmail", Part(page, "rca-summary"), StringComparison.Ordinal);
        Assert.Contains("1 société(s)", Part(page, "rca-summary"), StringComparison.Ordinal);
        var period = Part(page, "rca-period");
        Assert.Contains("Durée 2 h 15 min", period, StringComparison.Ordinal);
        Assert.Contains("(12 min après la détermination de l'impact)", period, StringComparison.Ordinal);
        var timeline = Part(page, "rca-timeline");
        Assert.Contains("Incident déclaré : Messagerie indisponible", timeline, StringComparison.Ordinal);
        Assert.Contains("Clients notifiés par écrit : [INC-0001] Incident en cours : messagerie", timeline, StringComparison.Ordinal);
        Assert.Contains("Mise à jour de la page d'état des services : La messagerie est indisponible, nous enquêtons.", timeline, StringComparison.Ordinal);
        Assert.Contains("État : Résolu", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("EXCH02 sans prévenir", Flat(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Acme Industries", Flat(page), StringComparison.Ordinal);
        Assert.Contains("Disque plein sur EXCH02 : journaux de transactions non purgés.", Part(page, "rca-causes"), StringComparison.Ordinal);
        Assert.Contains("Rotation des journaux désactivée après la mise à jour.", Part(page, "rca-causes"), StringComparison.Ordinal);
        Assert.Contains("Superviser l'espace disque des serveurs Exchange", Part(page, "rca-actions"), StringComparison.Ordinal);
        Assert.Contains("15/12/2026 À faire", Part(page, "rca-actions"), StringComparison.Ordinal);

        var download = await agent.GetAsync(incident + "/Rca?handler=Pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("RCA-INC-0001.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var text = PdfText(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("INC-0001 · Messagerie indisponible", text, StringComparison.Ordinal);
        Assert.Contains("Rapport d'analyse des causes racines (RCA)", text, StringComparison.Ordinal);
        Assert.Contains("Causes racines", text, StringComparison.Ordinal);
        Assert.Contains("Disque plein sur EXCH02", text, StringComparison.Ordinal);
        Assert.Contains("Période d'impact", text, StringComparison.Ordinal);
        Assert.Contains("Échéance : 15/12/2026 · État : À faire", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EXCH02 sans prévenir", text, StringComparison.Ordinal);

        using var english = await StaffSession.SignInAsync(host, language: "en");
        var englishText = PdfText(await (await english.GetAsync(incident + "/Rca?handler=Pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Root causes", englishText, StringComparison.Ordinal);
        Assert.Contains("Corrective and preventive actions", englishText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_of_an_impacted_company_requests_the_report_and_an_agent_approves_it_once_the_post_mortem_exists_then_it_is_emailed_as_a_pdf()
    {
        var clock = Clock();
        await using var host = Host(clock);
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ResolvedAcmeIncidentAsync(host, agent, clock);
        using var visitor = StaffSession.Anonymous(host);

        var status = await visitor.GetStringAsync("/status");
        Assert.Contains("href=\"/status/1/rca\"", status, StringComparison.Ordinal);
        Assert.Contains("Demander le rapport RCA", Flat(status), StringComparison.Ordinal);
        Assert.Equal(Answer, await AnswerAfterAsync(visitor, await RequestAsync(visitor, CustomerEmail.ToUpperInvariant(), "983177", "Pour notre comité de direction.")));
        var mailbox = new PickupMailbox(host);
        await mailbox.WaitForAsync(CustomerEmail.ToUpperInvariant(), "[INC-0001] Demande de rapport RCA reçue");

        var requests = Part(await agent.GetStringAsync(incident), "rca-requests");
        Assert.Contains($"{CustomerEmail.ToUpperInvariant()} · Acme Industries", requests, StringComparison.Ordinal);
        Assert.Contains("Ticket : 983177", requests, StringComparison.Ordinal);
        Assert.Contains("Pour notre comité de direction.", requests, StringComparison.Ordinal);
        Assert.Contains("En attente d'approbation", requests, StringComparison.Ordinal);
        Assert.Contains("Enregistrez d'abord le post-mortem", requests, StringComparison.Ordinal);

        var early = await PostAsync(agent, incident, "ApproveRca&requestId=1", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Enregistrez d'abord le post-mortem : le rapport RCA est généré à partir de lui.", Flat(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(mailbox.To(CustomerEmail), m => (m.Subject ?? "").Contains("Rapport RCA /", StringComparison.Ordinal));

        await RecordPostMortemAsync(agent, incident);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "ApproveRca&requestId=1", new Dictionary<string, string>())).StatusCode);
        var sent = Assert.Single(await mailbox.WaitForAsync(CustomerEmail, "[INC-0001] Rapport RCA / RCA report"));
        Assert.Contains("ci-joint le rapport d'analyse des causes (RCA)", sent.TextBody, StringComparison.Ordinal);
        var text = PdfText(Attachment(sent, "RCA-INC-0001.pdf"));
        Assert.Contains("Messagerie indisponible", text, StringComparison.Ordinal);
        Assert.Contains("Disque plein sur EXCH02", text, StringComparison.Ordinal);

        var page = await agent.GetStringAsync(incident);
        Assert.Contains("Envoyé", Part(page, "rca-requests"), StringComparison.Ordinal);
        var timeline = Part(page, "timeline");
        Assert.Contains($"Rapport RCA demandé par {CustomerEmail.ToUpperInvariant()} (Acme Industries)", timeline, StringComparison.Ordinal);
        Assert.Contains($"Demande de rapport RCA de {CustomerEmail.ToUpperInvariant()} approuvée", timeline, StringComparison.Ordinal);
        Assert.Contains($"Rapport RCA envoyé par e-mail à {CustomerEmail.ToUpperInvariant()}", timeline, StringComparison.Ordinal);

        var again = await PostAsync(agent, incident, "ApproveRca&requestId=1", new Dictionary<string, string>());
        Assert.Contains("Cette demande a déjà été traitée.", Flat(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_outside_the_impacted_companies_is_refused_the_report_by_email_while_the_page_answers_the_same()
    {
        var clock = Clock();
        await using var host = Host(clock);
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ResolvedAcmeIncidentAsync(host, agent, clock);
        await RecordPostMortemAsync(agent, incident);
        using var visitor = StaffSession.Anonymous(host);

        Assert.Equal(Answer, await AnswerAfterAsync(visitor, await RequestAsync(visitor, OtherCustomer)));
        Assert.Equal(Answer, await AnswerAfterAsync(visitor, await RequestAsync(visitor, Stranger)));

        var mailbox = new PickupMailbox(host);
        var refusal = Assert.Single(await mailbox.WaitForAsync(OtherCustomer, "[INC-0001] Demande de rapport RCA refusée"));
        Assert.Contains("réservé aux contacts des sociétés clientes concernées", refusal.TextBody, StringComparison.Ordinal);
        Assert.Empty(refusal.Attachments);
        await mailbox.WaitForAsync(Stranger, "[INC-0001] Demande de rapport RCA refusée");

        var page = await agent.GetStringAsync(incident);
        var requests = Part(page, "rca-requests");
        Assert.Contains(OtherCustomer, requests, StringComparison.Ordinal);
        Assert.Contains("Refusée : pas un contact d'une société impactée", requests, StringComparison.Ordinal);
        Assert.DoesNotContain("Approuver et envoyer le rapport", requests, StringComparison.Ordinal);
        Assert.Contains($"Rapport RCA refusé à {OtherCustomer} : ce n'est pas un contact d'une société impactée", Part(page, "timeline"), StringComparison.Ordinal);

        var approve = await PostAsync(agent, incident, "ApproveRca&requestId=1", new Dictionary<string, string>());
        Assert.Contains("Cette demande a déjà été traitée.", Flat(await approve.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(mailbox.All(), m => m.Attachments.Any());
    }

    [Fact]
    public async Task An_agent_declines_a_request_with_a_reason_that_is_emailed_to_the_customer()
    {
        var clock = Clock();
        await using var host = Host(clock);
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ResolvedAcmeIncidentAsync(host, agent, clock);
        using var visitor = StaffSession.Anonymous(host);
        await AnswerAfterAsync(visitor, await RequestAsync(visitor, CustomerEmail));

        var noReason = await PostAsync(agent, incident, "DeclineRca&requestId=1", new Dictionary<string, string> { ["DeclineReason"] = "" });
        Assert.Contains("Indiquez le motif du refus.", Flat(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "DeclineRca&requestId=1", new Dictionary<string, string> { ["DeclineReason"] = "Le rapport est remis en main propre lors du comité du 3 décembre." })).StatusCode);
        var declined = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "[INC-0001] Demande de rapport RCA non retenue"));
        Assert.Contains("Motif : Le rapport est remis en main propre lors du comité du 3 décembre.", declined.TextBody, StringComparison.Ordinal);
        var page = await agent.GetStringAsync(incident);
        Assert.Contains("Non retenue", Part(page, "rca-requests"), StringComparison.Ordinal);
        Assert.Contains($"Demande de rapport RCA non retenue : {CustomerEmail}: Le rapport est remis en main propre", Part(page, "timeline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_can_be_requested_only_for_a_resolved_incident_of_the_status_page_and_the_form_is_rate_limited()
    {
        var clock = Clock();
        await using var host = Host(clock, new Dictionary<string, string?> { ["Incidents:RcaRequestsPerMinute"] = "2" });
        using var agent = await StaffSession.SignInAsync(host);
        using var visitor = StaffSession.Anonymous(host);
        await DeclareAsync(agent);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/status/1/rca")).StatusCode);

        await PostAsync(agent, "/Staff/Incidents/1", "Publish", new Dictionary<string, string> { ["PublicMessage"] = "Messagerie indisponible." });
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/status/1/rca")).StatusCode);
        Assert.DoesNotContain("/status/1/rca", await visitor.GetStringAsync("/status"), StringComparison.Ordinal);

        await PostAsync(agent, "/Staff/Incidents/1", "State", new Dictionary<string, string> { ["NewState"] = "Resolved", ["Note"] = "" });
        var invalid = await RequestAsync(visitor, "pas-une-adresse");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Saisissez une adresse e-mail valide.", Flat(await invalid.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Answer, await AnswerAfterAsync(visitor, await RequestAsync(visitor, Stranger)));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RequestAsync(visitor, OtherCustomer)).StatusCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
