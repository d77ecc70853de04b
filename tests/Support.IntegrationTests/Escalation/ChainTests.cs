using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using static Support.IntegrationTests.Escalation.EscalationScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>The default "Escalation" workflow: calls the chain's contacts in order until one acknowledges.</summary>
public sealed class ChainTests
{
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static SupportHostFactory Host(ManualClock clock, bool slaWorkflow = false) =>
        new SupportHostFactory(settings: new Dictionary<string, string?> { ["Escalation:Workflow"] = "true", ["Ticketing:SlaWorkflow"] = slaWorkflow ? "true" : "false" })
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    [Fact]
    public async Task Without_acknowledgement_the_chain_moves_up_to_the_director_then_stops()
    {
        var clock = new ManualClock(Utc(30, 8));
        await using var host = Host(clock);
        using var admin = await StaffSession.SignInAsync(host);
        Assert.Contains("Escalation 1 Version 1", Flat(await admin.GetStringAsync("/Staff/Admin/Workflows")), StringComparison.Ordinal);
        var palette = await admin.GetStringAsync("/Staff/Admin/Workflows/activities.json");
        foreach (var activity in new[] { "\"Escalate\"", "\"NotifyEscalationContact\"", "\"WaitForAcknowledgement\"", "\"Escalation.EscalationAcknowledged\"" })
        {
            Assert.Contains(activity, palette, StringComparison.Ordinal);
        }

        Assert.Contains("Next level of the chain", await admin.GetStringAsync("/Staff/Admin/Workflows/Definitions/escalation"), StringComparison.Ordinal);
        var (number, customer) = await OpenTicketWithCustomerAsync(host);
        using var _ = customer;
        await RequestEscalationAsync(customer, "Personne ne nous répond.");

        var first = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportDeskEurope, "Escalade niveau 1"));
        Assert.StartsWith($"Escalade niveau 1 [#{number}]", first.Subject, StringComparison.Ordinal);
        Assert.Contains("Personne ne nous répond.", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("/escalation/acknowledge/", first.TextBody, StringComparison.Ordinal);
        await WaitForBookmarkAsync(host, "Escalation.EscalationAcknowledged");
        Assert.Empty(new PickupMailbox(host).To(ManagerEurope));

        clock.Set(Utc(30, 8, 31));
        Assert.Single(await new PickupMailbox(host).WaitForAsync(ManagerEurope, "Escalade niveau 2"));
        await Eventually.WaitForAsync(() => StaffPanelAsync(admin, number), p => p.Contains("Niveau 2 de la chaîne Europe appelé.", StringComparison.Ordinal), "level 2 on the ticket");

        clock.Set(Utc(30, 9, 2));
        Assert.Single(await new PickupMailbox(host).WaitForAsync(DirectorEurope, "Escalade niveau 3"));
        await WaitForBookmarkAsync(host, "Escalation.EscalationAcknowledged");

        clock.Set(Utc(30, 9, 33));
        var panel = await Eventually.WaitForAsync(() => StaffPanelAsync(admin, number), p => p.Contains("Aucun contact n'a accusé réception", StringComparison.Ordinal), "the exhausted chain on the ticket");
        Assert.Contains("niveau 1 : Support desk Europe (Centre de support) appelé", panel, StringComparison.Ordinal);
        Assert.Contains("niveau 3 : Director Europe (Directeur) appelé", panel, StringComparison.Ordinal);
        Assert.Single(new PickupMailbox(host).To(SupportDeskEurope));
        Assert.Single(new PickupMailbox(host).To(DirectorEurope));
    }

    [Fact]
    public async Task An_acknowledgement_through_the_emailed_link_stops_the_chain_and_the_link_works_once()
    {
        var clock = new ManualClock(Utc(30, 8));
        await using var host = Host(clock);
        var (number, customer) = await OpenTicketWithCustomerAsync(host);
        using var _ = customer;
        await RequestEscalationAsync(customer, "Urgent : la paie part demain.");
        var call = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportDeskEurope, "Escalade niveau 1"));
        var path = AcknowledgementPath(call);

        // Opening the link only shows the escalation; the contact confirms with a button.
        using (var look = StaffSession.Anonymous(host))
        {
            var page = Flat(await look.GetStringAsync(path));
            Assert.Contains($"Le ticket {number} vous est escaladé (niveau 1).", page, StringComparison.Ordinal);
        }

        clock.Set(Utc(30, 8, 10));
        var confirmed = await ConfirmAcknowledgementAsync(host, path);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains($"Merci, Support desk Europe : l'escalade du ticket {number} est prise en compte et la chaîne s'arrête ici.", Flat(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Votre escalade est prise en charge"));

        // The workflow went back to waiting for the next request: the time to acknowledge no longer runs.
        await WaitForBookmarkAsync(host, "Escalation.EscalationRequested");
        clock.Set(Utc(30, 10));
        using var admin = await StaffSession.SignInAsync(host);
        var panel = await StaffPanelAsync(admin, number);
        Assert.Contains("Réception accusée (Support desk Europe (support.europe@example.com))", panel, StringComparison.Ordinal);
        Assert.Contains("Escalade : accusé de réception", await AuditTrailAsync(admin, number), StringComparison.Ordinal);
        Assert.Empty(new PickupMailbox(host).To(ManagerEurope));

        // The report: one customer request in November, acknowledged at level 1 after 10 minutes.
        var report = Flat(System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync("/Staff/Reports/Escalations"), "<tr data-month=\"2026-11\">.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Equal("novembre 2026 1 1 0 1 0 1 1 10 min 10 min 0 0 0", report.Trim());
        var csv = await admin.GetStringAsync("/Staff/Reports/Escalations?handler=Csv");
        Assert.Contains("month,escalations,customer_requests,sla_breaches,reached_level_1,acknowledged,mean_minutes_to_acknowledge", csv, StringComparison.Ordinal);
        Assert.Contains("2026-11,1,1,0,1,1,10.0,10.0,0,0,0,1,0", csv, StringComparison.Ordinal);

        var reused = await ConfirmAcknowledgementAsync(host, path);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("Ce lien d'accusé de réception a déjà été utilisé.", Flat(await reused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var stranger = StaffSession.Anonymous(host);
        var forged = await stranger.GetAsync(path[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("Ce lien d'accusé de réception n'est pas valable.", Flat(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_an_sla_breach_starts_the_chain_by_itself()
    {
        var clock = new ManualClock(Utc(30, 8));
        await using var host = Host(clock, slaWorkflow: true);
        var number = await OpenTicketAsync(host);

        // 4 business hours of first response from 09:00 Paris: breached at 13:00 Paris (12:00 UTC).
        clock.Set(Utc(30, 12, 5));
        var call = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportDeskEurope, "Escalade niveau 1"));
        Assert.StartsWith($"Escalade niveau 1 [#{number}]", call.Subject, StringComparison.Ordinal);
        using var admin = await StaffSession.SignInAsync(host);
        Assert.Contains("SLA dépassé", await StaffPanelAsync(admin, number), StringComparison.Ordinal);
        Assert.Contains("première réponse", await StaffPanelAsync(admin, number), StringComparison.Ordinal);

        // Acknowledged in the console; the link, two days later, is refused as expired.
        await AgentActionAsync(admin, number, "Acknowledge");
        clock.Set(Utc(30, 12, 5).AddDays(3));
        using var contact = StaffSession.Anonymous(host);
        var expired = await contact.GetAsync(AcknowledgementPath(call));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Ce lien d'accusé de réception a expiré.", Flat(await expired.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(new PickupMailbox(host).To(ManagerEurope));
    }
}
