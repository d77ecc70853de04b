using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Incidents.Data;
using Support.Testing;
using static Support.IntegrationTests.Incidents.IncidentScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>Major incidents: declared from scratch or from a ticket, their states, companies, tickets and timeline.</summary>
public sealed class IncidentTests
{
    private static async Task<int> IncidentCountAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IncidentsDbContext>().Incidents.CountAsync();
    }

    [Fact]
    public async Task An_agent_declares_an_incident_from_scratch_and_finds_it_in_the_list_with_its_timeline()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);

        var incident = await DeclareAsync(agent);

        var page = await agent.GetStringAsync(incident);
        Assert.Contains("Messagerie indisponible", Part(page, "incident-title"), StringComparison.Ordinal);
        Assert.Equal("Investigation en cours", Element(page, "incident-state"));
        Assert.Contains("Messagerie, Webmail", Flat(page), StringComparison.Ordinal);
        Assert.Contains("Incident déclaré : Messagerie indisponible", Part(page, "timeline"), StringComparison.Ordinal);
        Assert.Contains("L'impact n'a pas encore été déterminé", Flat(page), StringComparison.Ordinal);

        var list = Flat(await agent.GetStringAsync("/Staff/Incidents"));
        Assert.Contains("INC-0001 Messagerie indisponible Critique Investigation en cours", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_declared_from_a_ticket_links_it_and_counts_its_company_as_impacted()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var number = await OpenTicketAsync(host);

        var ticket = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        Assert.Contains($"href=\"/Staff/Incidents/Declare?ticket={number}\" data-testid=\"ticket-action\">Déclarer un incident majeur</a>", ticket, StringComparison.Ordinal);
        var form = WebUtility.HtmlDecode(await agent.GetStringAsync($"/Staff/Incidents/Declare?ticket={number}"));
        Assert.Contains($"value=\"{number}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"L'imprimante du 2e étage n'imprime plus\"", form, StringComparison.Ordinal);
        var incident = await DeclareAsync(agent, f => f["Input.TicketNumber"] = number);

        var page = await agent.GetStringAsync(incident);
        Assert.Contains($"{number} · L'imprimante du 2e étage n'imprime plus (Acme Industries)", Part(page, "linked-tickets"), StringComparison.Ordinal);
        Assert.Contains("Acme Industries (depuis un ticket lié)", Part(page, "companies-form"), StringComparison.Ordinal);
        var timeline = Part(page, "timeline");
        Assert.Contains($"Ticket lié : {number} · L'imprimante du 2e étage n'imprime plus", timeline, StringComparison.Ordinal);
        Assert.Contains("Sociétés impactées : + Acme Industries", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declaration_without_a_title_or_from_an_unknown_ticket_is_refused_and_nothing_is_created()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);

        var untitled = await agent.SubmitAsync("/Staff/Incidents/Declare", DeclareForm(f => f["Input.Title"] = " "));
        Assert.Equal(HttpStatusCode.OK, untitled.StatusCode);
        Assert.Contains("Saisissez le titre de l'incident.", Flat(await untitled.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var unknown = await agent.SubmitAsync("/Staff/Incidents/Declare", DeclareForm(f => f["Input.TicketNumber"] = "999999"));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Aucun ticket ne porte ce numéro.", Flat(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(0, await IncidentCountAsync(host));
    }

    [Fact]
    public async Task An_incident_moves_through_its_states_to_closed_after_review_and_each_step_is_on_its_timeline()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var incident = await DeclareAsync(agent);

        foreach (var (state, note) in new[] { ("Identified", "Disque plein sur le serveur de messagerie."), ("Monitoring", ""), ("Resolved", ""), ("Closed", "") })
        {
            var response = await PostAsync(agent, incident, "State", new Dictionary<string, string> { ["NewState"] = state, ["Note"] = note });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var page = await agent.GetStringAsync(incident);
        Assert.Equal("Clos après revue", Element(page, "incident-state"));
        var timeline = Part(page, "timeline");
        var steps = new[] { "Incident déclaré", "État : Cause identifiée", "Disque plein sur le serveur de messagerie.", "État : Sous surveillance", "État : Résolu", "État : Clos après revue" };
        var positions = steps.Select(s => timeline.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, timeline));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Aucun incident majeur n'est ouvert.", Flat(await agent.GetStringAsync("/Staff/Incidents")), StringComparison.Ordinal);
        Assert.Contains("INC-0001", Flat(await agent.GetStringAsync("/Staff/Incidents?all=true")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_tickets_adds_their_companies_and_a_ticket_cannot_be_linked_twice()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        var first = await OpenTicketAsync(host);
        var second = await OpenTicketAsync(host, f => { f["Input.Company"] = "Bâtiments Martin"; f["Input.Email"] = "paul@martin.test"; f["Input.Subject"] = "Plus de mails"; });
        var incident = await DeclareAsync(agent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Link", new Dictionary<string, string> { ["TicketNumber"] = first })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, incident, "Link", new Dictionary<string, string> { ["TicketNumber"] = second })).StatusCode);
        var again = await PostAsync(agent, incident, "Link", new Dictionary<string, string> { ["TicketNumber"] = first });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Ce ticket est déjà lié à l'incident.", Flat(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var page = await agent.GetStringAsync(incident);
        Assert.Contains("Acme Industries (depuis un ticket lié)", Part(page, "companies-form"), StringComparison.Ordinal);
        Assert.Contains("Bâtiments Martin (depuis un ticket lié)", Part(page, "companies-form"), StringComparison.Ordinal);
        Assert.Contains("Plus de mails", Part(page, "linked-tickets"), StringComparison.Ordinal);
        Assert.Contains("2 2", Flat(await agent.GetStringAsync("/Staff/Incidents")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_impact_cannot_be_determined_before_companies_are_chosen_and_is_recorded_once_they_are()
    {
        await using var host = new SupportHostFactory();
        using var agent = await StaffSession.SignInAsync(host);
        await OpenTicketAsync(host);
        var incident = await DeclareAsync(agent);

        var refused = await DetermineImpactAsync(agent, incident);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choisissez d'abord les sociétés impactées.", Flat(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseCompaniesAsync(host, agent, incident, "Acme Industries")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DetermineImpactAsync(agent, incident)).StatusCode);

        var page = await agent.GetStringAsync(incident);
        Assert.Contains("Impact déterminé pour 1 société(s)", Part(page, "timeline"), StringComparison.Ordinal);
        Assert.Contains("notifiez par écrit les clients impactés avant", Part(page, "notification-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"impact-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incident_pages_require_a_member_of_staff()
    {
        await using var host = new SupportHostFactory();
        using var anonymous = StaffSession.Anonymous(host);
        var response = await anonymous.GetAsync("/Staff/Incidents");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Staff/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_incidents_module_switched_off_its_pages_are_gone_and_tickets_still_work()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Modules:Incidents:Enabled"] = "false" });
        using var agent = await StaffSession.SignInAsync(host);
        var number = await OpenTicketAsync(host);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/Staff/Incidents")).StatusCode);
        Assert.DoesNotContain("Incidents majeurs", await agent.GetStringAsync("/Staff"), StringComparison.Ordinal);
        var ticket = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        Assert.Contains("L'imprimante du 2e étage n'imprime plus", Flat(ticket), StringComparison.Ordinal);
        Assert.DoesNotContain("Déclarer un incident majeur", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("/Staff/Incidents/Declare", ticket, StringComparison.Ordinal);
        Assert.Contains("Acme Industries", Flat(await agent.GetStringAsync("/Staff/Companies")), StringComparison.Ordinal);
    }
}
