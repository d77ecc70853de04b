using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using static Support.IntegrationTests.Escalation.EscalationScenario;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>A customer's requests from the ticket view: escalation and severity reclassification, and the agent's review.</summary>
public sealed class CustomerRequestTests
{
    [Fact]
    public async Task Customer_escalation_request_is_on_the_timeline_acknowledged_by_email_and_alerts_the_agents()
    {
        await using var host = new SupportHostFactory();
        var (number, customer) = await OpenTicketWithCustomerAsync(host);
        using var _ = customer;

        var refused = await RequestEscalationAsync(customer, "   ");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var view = await CustomerViewAsync(customer);
        Assert.Contains("Indiquez pourquoi le ticket doit être escaladé.", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Escalade demandée", view, StringComparison.Ordinal);

        var response = await RequestEscalationAsync(customer, "Toute la comptabilité est bloquée depuis deux jours.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tickets/view#escalation", response.Headers.Location!.OriginalString);
        view = await CustomerViewAsync(customer);
        Assert.Contains("Votre demande d'escalade a été envoyée.", view, StringComparison.Ordinal);
        Assert.Contains("Escalade demandée · responsables en cours d'appel", view, StringComparison.Ordinal);
        Assert.Contains("Votre demande d'escalade est déjà en cours de traitement", view, StringComparison.Ordinal);

        // A second request while the first awaits acknowledgement is refused: one call of the chain at a time.
        await RequestEscalationAsync(customer, "Encore une fois.");
        Assert.Contains("Votre demande d'escalade est déjà en cours de traitement : nos responsables sont appelés.", await CustomerViewAsync(customer), StringComparison.Ordinal);

        var acknowledgement = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Votre demande d'escalade a bien été reçue"));
        Assert.Equal($"Votre demande d'escalade a bien été reçue [#{number}]", acknowledgement.Subject);
        Assert.Contains("Toute la comptabilité est bloquée depuis deux jours.", acknowledgement.TextBody, StringComparison.Ordinal);
        var alert = Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, "Escalade demandée par le client"));
        Assert.StartsWith($"Escalade demandée par le client [#{number}]", alert.Subject, StringComparison.Ordinal);

        using var agent = await StaffSession.SignInAsync(host);
        Assert.Contains("Escalade demandée par le client : Toute la comptabilité est bloquée depuis deux jours.", await AuditTrailAsync(agent, number), StringComparison.Ordinal);
        var panel = await StaffPanelAsync(agent, number);
        Assert.Contains("Demande du client", panel, StringComparison.Ordinal);
        Assert.Contains("Aucun contact appelé pour l'instant.", panel, StringComparison.Ordinal);

        // The agent acknowledges it in the console: the customer is told and the panel says who.
        Assert.Equal(HttpStatusCode.Redirect, (await AgentActionAsync(agent, number, "Acknowledge")).StatusCode);
        panel = await StaffPanelAsync(agent, number);
        Assert.Contains("L'escalade est prise en compte : la chaîne s'arrête ici.", panel, StringComparison.Ordinal);
        Assert.Contains("Demande du client · Réception accusée (", panel, StringComparison.Ordinal);
        Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Votre escalade est prise en charge"));
        Assert.Contains("Escalade demandée · prise en charge", await CustomerViewAsync(customer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_reclassification_changes_the_severity_and_the_sla_and_tells_the_customer()
    {
        await using var host = new SupportHostFactory();
        var (number, customer) = await OpenTicketWithCustomerAsync(host);
        using var _ = customer;
        var dueBefore = await FirstResponseDueAsync(host, number);

        Assert.Equal(HttpStatusCode.Redirect, (await RequestReclassificationAsync(customer, "Normal", "Rien")).StatusCode);
        Assert.Contains("Le ticket a déjà cette gravité.", await CustomerViewAsync(customer), StringComparison.Ordinal);

        await RequestReclassificationAsync(customer, "Critical", "La production de l'usine est à l'arrêt.");
        var view = await CustomerViewAsync(customer);
        Assert.Contains("Votre demande de reclassification a été envoyée.", view, StringComparison.Ordinal);
        Assert.Contains("Reclassification en Critique · En cours d'examen", view, StringComparison.Ordinal);
        Assert.Contains("Votre demande de reclassification est en cours d'examen.", view, StringComparison.Ordinal);
        Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Votre demande de reclassification a bien été reçue"));
        Assert.Single(await new PickupMailbox(host).WaitForAsync(SupportHostFactory.AdminEmail, "Demande de reclassification"));

        using var agent = await StaffSession.SignInAsync(host);
        Assert.Contains("Reclassification demandée par le client : Normale → Critique (La production de l'usine est à l'arrêt.)", await AuditTrailAsync(agent, number), StringComparison.Ordinal);
        var page = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        var requestId = System.Text.RegularExpressions.Regex.Match(page, @"handler=Accept&amp;request=(\d+)").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await AgentActionAsync(agent, number, "Accept&request=" + requestId)).StatusCode);

        page = Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("Gravité: Critique", page, StringComparison.Ordinal);
        Assert.Contains("La reclassification est acceptée", page, StringComparison.Ordinal);
        Assert.Contains("Gravité : Normale → Critique", await AuditTrailAsync(agent, number), StringComparison.Ordinal);
        var dueAfter = await FirstResponseDueAsync(host, number);
        Assert.True(dueAfter < dueBefore, $"The first response is due at {dueAfter:O} under Critical, {dueBefore:O} before.");
        var accepted = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Votre demande de reclassification est acceptée"));
        Assert.Contains("gravité Critique", accepted.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reclassification en Critique · Acceptée", await CustomerViewAsync(customer), StringComparison.Ordinal);

        // Decided once: a second answer is refused.
        await AgentActionAsync(agent, number, "Decline&request=" + requestId, new() { ["Reason"] = "Trop tard" });
        Assert.Contains("Cette demande de reclassification a déjà reçu une réponse.", await StaffPanelAsync(agent, number), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declined_reclassification_needs_a_reason_which_the_customer_receives()
    {
        await using var host = new SupportHostFactory();
        var (number, customer) = await OpenTicketWithCustomerAsync(host);
        using var _ = customer;
        await RequestReclassificationAsync(customer, "Serious", "Deux postes sur dix ne démarrent plus.");
        using var agent = await StaffSession.SignInAsync(host);
        var page = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        var requestId = System.Text.RegularExpressions.Regex.Match(page, @"handler=Decline&amp;request=(\d+)").Groups[1].Value;

        await AgentActionAsync(agent, number, "Decline&request=" + requestId, new() { ["Reason"] = " " });
        var panel = await StaffPanelAsync(agent, number);
        Assert.Contains("Indiquez au client le motif du refus.", panel, StringComparison.Ordinal);
        Assert.Contains("Reclassification demandée", panel, StringComparison.Ordinal);

        await AgentActionAsync(agent, number, "Decline&request=" + requestId, new() { ["Reason"] = "La production n'est pas touchée : les autres postes fonctionnent." });
        page = Flat(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("Gravité: Normale", page, StringComparison.Ordinal);
        Assert.Contains("Reclassification en Sérieuse refusée : La production n'est pas touchée", await AuditTrailAsync(agent, number), StringComparison.Ordinal);
        var declined = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, "Votre demande de reclassification n'est pas acceptée"));
        Assert.Contains("La production n'est pas touchée : les autres postes fonctionnent.", declined.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reclassification en Sérieuse · Refusée — La production n'est pas touchée", await CustomerViewAsync(customer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_view_and_agent_page_work_without_the_escalation_module()
    {
        await using var host = new SupportHostFactory(settings: new Dictionary<string, string?> { ["Modules:Escalation:Enabled"] = "false" });
        var (number, customer) = await OpenTicketWithCustomerAsync(host);
        using var _ = customer;
        var view = await customer.GetStringAsync("/tickets/view");
        Assert.Contains("Répondre", Flat(view), StringComparison.Ordinal);
        Assert.DoesNotContain("customer-escalation", view, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync("/escalation/contacts")).StatusCode);

        using var agent = await StaffSession.SignInAsync(host);
        var page = await agent.GetStringAsync($"/Staff/Tickets/{number}");
        Assert.Contains("data-testid=\"audit\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"escalation\"", page, StringComparison.Ordinal);
    }

    private static Task<DateTime?> FirstResponseDueAsync(SupportHostFactory host, string number) =>
        QueryAsync(host, db => db.Tickets.Where(t => t.Number == int.Parse(number, CultureInfo.InvariantCulture)).Select(t => t.FirstResponseDueAtUtc).SingleAsync());
}
