using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using static Support.IntegrationTests.Escalation.EscalationScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>The chain an escalation calls is the region of the ticket's company, else the installation's default region.</summary>
public sealed class RegionTests
{
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static SupportHostFactory Host(ManualClock clock, string defaultRegion, bool slaWorkflow = false) =>
        new SupportHostFactory(settings: new Dictionary<string, string?>
        {
            ["Escalation:Workflow"] = "true",
            ["Escalation:DefaultRegion"] = defaultRegion,
            ["Ticketing:SlaWorkflow"] = slaWorkflow ? "true" : "false",
        }).WithServices(s => s.AddSingleton<TimeProvider>(clock));

    [Fact]
    public async Task A_ticket_of_a_north_american_company_climbs_the_north_american_chain()
    {
        var clock = new ManualClock(Utc(30, 14));
        await using var host = Host(clock, defaultRegion: "Europe");
        using var admin = await StaffSession.SignInAsync(host);
        await SaveCompanyAsync(admin, "Maple Logistics", "NorthAmerica");
        var (number, customer) = await OpenTicketWithCustomerAsync(host, "Maple Logistics");
        using var _ = customer;
        Assert.Contains("Contacts d'escalade (Amérique du Nord)", await CustomerViewAsync(customer), StringComparison.Ordinal);
        Assert.Contains("href=\"/escalation/contacts#region-NorthAmerica\"", await customer.GetStringAsync("/tickets/view"), StringComparison.Ordinal);
        Assert.Contains("Chaîne d'escalade : Amérique du Nord (région de la société)", await StaffPanelAsync(admin, number), StringComparison.Ordinal);

        await RequestEscalationAsync(customer, "Our warehouses are stopped.");
        var first = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportDeskNorthAmerica, "Escalade niveau 1"));
        Assert.StartsWith($"Escalade niveau 1 [#{number}]", first.Subject, StringComparison.Ordinal);
        await Eventually.WaitForAsync(() => StaffPanelAsync(admin, number), p => p.Contains("Niveau 1 de la chaîne Amérique du Nord appelé.", StringComparison.Ordinal), "level 1 of North America on the ticket");
        await WaitForBookmarkAsync(host, "Escalation.EscalationAcknowledged");

        clock.Set(Utc(30, 14, 31));
        Assert.Single(await new PickupMailbox(host).WaitForAsync(ManagerNorthAmerica, "Escalade niveau 2"));
        var panel = await Eventually.WaitForAsync(() => StaffPanelAsync(admin, number), p => p.Contains("Niveau 2 de la chaîne Amérique du Nord appelé.", StringComparison.Ordinal), "level 2 of North America on the ticket");
        Assert.Contains("niveau 2 : Customer-service manager North America (Responsable du service client) appelé", panel, StringComparison.Ordinal);
        Assert.Empty(new PickupMailbox(host).To(SupportDeskEurope));
        Assert.Empty(new PickupMailbox(host).To(ManagerEurope));

        // The report counts the escalation in the North American chain.
        var report = Flat(Regex.Match(await admin.GetStringAsync("/Staff/Reports/Escalations"), "<tr data-month=\"2026-11\">.*?</tr>", RegexOptions.Singleline).Value);
        Assert.StartsWith("novembre 2026 1 1 0 0 1 ", report.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_of_a_european_company_climbs_the_european_chain_whatever_the_default_region()
    {
        var clock = new ManualClock(Utc(30, 8));
        await using var host = Host(clock, defaultRegion: "NorthAmerica", slaWorkflow: true);
        using var admin = await StaffSession.SignInAsync(host);
        await SaveCompanyAsync(admin, "Durand Frères", "Europe");
        var number = await OpenTicketAsync(host, f => f["Input.Company"] = "Durand Frères");

        // The SLA breach (4 business hours from 09:00 Paris) opens the escalation by itself, in the company's region.
        clock.Set(Utc(30, 12, 5));
        Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportDeskEurope, "Escalade niveau 1"));
        await WaitForBookmarkAsync(host, "Escalation.EscalationAcknowledged");
        clock.Set(Utc(30, 12, 36));
        Assert.Single(await new PickupMailbox(host).WaitForAsync(ManagerEurope, "Escalade niveau 2"));
        var panel = await Eventually.WaitForAsync(() => StaffPanelAsync(admin, number), p => p.Contains("Niveau 2 de la chaîne Europe appelé.", StringComparison.Ordinal), "level 2 of Europe on the ticket");
        Assert.Contains("Chaîne d'escalade : Europe (région de la société)", panel, StringComparison.Ordinal);
        Assert.Empty(new PickupMailbox(host).To(SupportDeskNorthAmerica));
    }

    [Fact]
    public async Task A_ticket_whose_company_has_no_region_calls_the_default_region_chain()
    {
        var clock = new ManualClock(Utc(30, 14));
        await using var host = Host(clock, defaultRegion: "NorthAmerica");

        // The portal creates the company the customer types, without a region.
        var (number, customer) = await OpenTicketWithCustomerAsync(host, "Nouvelle Société");
        using var _ = customer;
        await RequestEscalationAsync(customer, "Personne ne nous répond.");
        Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportDeskNorthAmerica, "Escalade niveau 1"));
        using var admin = await StaffSession.SignInAsync(host);
        var panel = await Eventually.WaitForAsync(() => StaffPanelAsync(admin, number), p => p.Contains("Niveau 1 de la chaîne Amérique du Nord appelé.", StringComparison.Ordinal), "level 1 of the default region on the ticket");
        Assert.Contains("Chaîne d'escalade : Amérique du Nord (région par défaut : la société n'en a pas)", panel, StringComparison.Ordinal);
        Assert.Contains("Contacts d'escalade (Amérique du Nord)", await CustomerViewAsync(customer), StringComparison.Ordinal);
        Assert.Empty(new PickupMailbox(host).To(SupportDeskEurope));
    }
}
