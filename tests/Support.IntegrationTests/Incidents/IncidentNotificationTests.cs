using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using Support.Workflows.Data;
using static Support.IntegrationTests.Incidents.IncidentScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>Customer notification: the composer, the recipients, the record, and the "Incident" workflow's 20- and 30-minute deadlines.</summary>
public sealed class IncidentNotificationTests
{
    private const string SecondAcmeContact = "jean.petit@acme.test";
    private const string OtherCustomer = "paul@martin.test";

    private static DateTime Utc(int hour, int minute) => new(2026, 11, 26, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Two Acme customers and one of another company, an incident impacting Acme, its impact determined.</summary>
    private static async Task<string> ImpactedAcmeAsync(SupportHostFactory host, StaffSession agent)
    {
        await OpenTicketAsync(host);
        await OpenTicketAsync(host, f => { f["Input.Email"] = SecondAcmeContact; f["Input.Name"] = "Jean Petit"; });
        await OpenTicketAsync(host, f => { f["Input.Company"] = "Bâtiments Martin"; f["Input.Email"] = OtherCustomer; });
        var incident = await DeclareAsync(agent);
        Assert.Equal(HttpStatusCode.Redirect, (await ChooseCompaniesAsync(host, agent, incident, "Acme Industries")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DetermineImpactAsync(agent, incident)).StatusCode);
        return incident;
    }

    private static SupportHostFactory WorkflowHost(ManualClock clock) =>
        new SupportHostFactory(settings: new Dictionary<string, string?> { ["Incidents:IncidentWorkflow"] = "true" })
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    private static async Task WaitForInstanceAsync(SupportHostFactory host) =>
        await Eventually.WaitForAsync(
            async () =>
            {
                using var scope = host.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.CountAsync(i => i.DefinitionId == "incident");
            },
            count => count == 1,
            "the Incident workflow's instance");

    private static Task<string> WaitForTimelineAsync(StaffSession agent, string incident, string line) =>
        Eventually.WaitForAsync(async () => Part(await agent.GetStringAsync(incident), "timeline"), t => t.Contains(line, StringComparison.Ordinal), $"\"{line}\" on the timeline");

    [Fact]
    public async Task The_composer_offers_french_and_english_templates_filled_from_the_incident()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ImpactedAcmeAsync(host, agent);

        var french = WebUtility.HtmlDecode(await agent.GetStringAsync($"{incident}/Notify"));
        Assert.Contains("Incident en cours : Messagerie indisponible", french, StringComparison.Ordinal);
        Assert.Contains("un incident qui touche Messagerie, Webmail", french, StringComparison.Ordinal);
        Assert.Contains("Envoyer à 2 destinataires", Flat(french), StringComparison.Ordinal);
        Assert.Contains("Marie Durand <marie.durand@acme.test> · Acme Industries", Part(await agent.GetStringAsync($"{incident}/Notify"), "recipients"), StringComparison.Ordinal);

        var english = WebUtility.HtmlDecode(await agent.GetStringAsync($"{incident}/Notify?template=update&language=en"));
        Assert.Contains("Update: Messagerie indisponible", english, StringComparison.Ordinal);
        Assert.Contains("Current status: investigating.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notification_goes_to_every_contact_of_every_impacted_company_through_the_outbox_and_is_recorded_with_its_recipients()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ImpactedAcmeAsync(host, agent);

        var sent = await NotifyAsync(agent, incident, "Incident en cours : messagerie", "Madame, Monsieur,\nLa messagerie est indisponible.");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mailbox = new PickupMailbox(host);
        var first = Assert.Single(await mailbox.WaitForAsync(CustomerEmail, "[INC-0001] Incident en cours : messagerie"));
        Assert.Contains("La messagerie est indisponible.", first.TextBody, StringComparison.Ordinal);
        Assert.Single(await mailbox.WaitForAsync(SecondAcmeContact, "[INC-0001]"));
        Assert.DoesNotContain(mailbox.To(OtherCustomer), m => (m.Subject ?? "").Contains("INC-0001", StringComparison.Ordinal));

        var page = await agent.GetStringAsync(incident);
        var notifications = Part(page, "notifications");
        Assert.Contains("[INC-0001] Incident en cours : messagerie", notifications, StringComparison.Ordinal);
        Assert.Contains("à 2 destinataires", notifications, StringComparison.Ordinal);
        Assert.Contains("Jean Petit <jean.petit@acme.test> · Acme Industries", notifications, StringComparison.Ordinal);
        Assert.Contains("Marie Durand <marie.durand@acme.test> · Acme Industries", notifications, StringComparison.Ordinal);
        Assert.Contains("clients notifiés pour la première fois", Part(page, "notification-status"), StringComparison.Ordinal);
        Assert.Contains("Notification envoyée : [INC-0001] Incident en cours : messagerie (2)", Part(page, "timeline"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_notification_or_one_without_recipients_is_refused_and_nothing_is_sent()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ImpactedAcmeAsync(host, agent);

        var empty = await NotifyAsync(agent, incident, "", " ");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var errors = Flat(await empty.Content.ReadAsStringAsync());
        Assert.Contains("Saisissez l'objet.", errors, StringComparison.Ordinal);
        Assert.Contains("Rédigez le message.", errors, StringComparison.Ordinal);

        var nobody = await DeclareAsync(agent, f => f["Input.Title"] = "Sans société");
        var refused = await NotifyAsync(agent, nobody, "Objet", "Texte");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Aucun client à notifier", Flat(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await Task.Delay(500);
        Assert.DoesNotContain(new PickupMailbox(host).All(), m => (m.Subject ?? "").Contains("[INC-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_incident_workflow_reminds_the_communications_lead_at_20_minutes_and_flags_the_incident_late_at_30()
    {
        var clock = new ManualClock(Utc(9, 0));
        await using var host = WorkflowHost(clock);
        using var agent = await StaffSession.SignInAsync(host);
        Assert.Contains("Incident", Flat(await agent.GetStringAsync("/Staff/Admin/Workflows")), StringComparison.Ordinal);
        var incident = await ImpactedAcmeAsync(host, agent);
        await WaitForInstanceAsync(host);

        clock.Set(Utc(9, 19));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("Rappel", Part(await agent.GetStringAsync(incident), "timeline"), StringComparison.Ordinal);

        clock.Set(Utc(9, 20));
        await WaitForTimelineAsync(agent, incident, "Rappel : la première notification est attendue");
        var reminder = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, "[INC-0001] Notification des clients attendue"));
        Assert.Contains("il y a 20 minutes", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Retard", Part(await agent.GetStringAsync(incident), "notification-status"), StringComparison.Ordinal);

        clock.Set(Utc(9, 30));
        await WaitForTimelineAsync(agent, incident, "Retard : aucune notification 30 minutes après la détermination de l'impact");
        Assert.Contains("Retard", Part(await agent.GetStringAsync(incident), "notification-status"), StringComparison.Ordinal);
        Assert.Contains("Retard", Flat(await agent.GetStringAsync("/Staff/Incidents")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notification_sent_within_20_minutes_spares_the_reminder_and_the_late_flag()
    {
        var clock = new ManualClock(Utc(9, 0));
        await using var host = WorkflowHost(clock);
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await ImpactedAcmeAsync(host, agent);
        await WaitForInstanceAsync(host);

        clock.Set(Utc(9, 12));
        Assert.Equal(HttpStatusCode.Redirect, (await NotifyAsync(agent, incident, "Incident en cours", "La messagerie est indisponible.")).StatusCode);

        clock.Set(Utc(9, 20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        clock.Set(Utc(9, 31));
        await Eventually.WaitForAsync(
            async () =>
            {
                using var scope = host.Services.CreateScope();
                return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.Where(i => i.DefinitionId == "incident").Select(i => i.Status).SingleAsync();
            },
            status => status == WorkflowStatus.Finished,
            "the Incident workflow to finish");
        var page = await agent.GetStringAsync(incident);
        Assert.DoesNotContain("Rappel", Part(page, "timeline"), StringComparison.Ordinal);
        Assert.DoesNotContain("Retard", Part(page, "notification-status"), StringComparison.Ordinal);
        Assert.Contains("(12 min)", Part(page, "notification-status"), StringComparison.Ordinal);
        Assert.DoesNotContain(new PickupMailbox(host).To(SupportHostFactory.AdminEmail), m => (m.Subject ?? "").Contains("Notification des clients attendue", StringComparison.Ordinal));
    }
}
