using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Staff;
using Support.Testing;
using Support.Ticketing.Contracts;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

public sealed partial class AgentConsoleTests
{
    private static IReadOnlyList<string> Numbers(string queuePage) =>
        [.. QueueNumber().Matches(queuePage).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<a href=\"/Staff/Tickets/(\\d+)\" class=\"fw-semibold\">")]
    private static partial Regex QueueNumber();

    [Fact]
    public async Task Queues_show_the_right_tickets()
    {
        await using var host = new SupportHostFactory();
        var open = await OpenTicketAsync(host, f => f["Input.Subject"] = "Ouvert");
        var critical = await OpenTicketAsync(host, f => { f["Input.Subject"] = "Critique"; f["Input.CriticalSituation"] = "true"; });
        var waiting = await OpenTicketAsync(host, f => f["Input.Subject"] = "En attente");
        var closed = await OpenTicketAsync(host, f => f["Input.Subject"] = "Fermé");
        using var agent = await StaffSession.SignInAsync(host);
        await AgentScenario.ReplyAsync(agent, waiting, "<p>Pouvez-vous redémarrer ?</p>", thenStatus: "AwaitingCustomer");
        await AgentScenario.ReplyAsync(agent, closed, "<p>Réglé.</p>", thenStatus: "Closed");
        var mine = await AgentScenario.UpdateAsync(agent, open, new Dictionary<string, string>
        {
            ["Team"] = "Support", ["AssignedAgentId"] = await AdminIdAsync(host), ["Status"] = "Open", ["Priority"] = "Normal",
            ["Severity"] = "Normal", ["HelpTopicId"] = "2", ["CompanyId"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);

        Assert.Equivalent(new[] { open, critical }, Numbers(await agent.GetStringAsync("/Staff/Tickets")));
        Assert.Equivalent(new[] { open, critical }, Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=Open")));
        Assert.Equal([open], Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=Mine")));
        Assert.Equivalent(new[] { critical, waiting }, Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=Unassigned")));
        Assert.Equal([critical], Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=Critical")));
        Assert.Equal([waiting], Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=AwaitingCustomer")));
        Assert.Equal([closed], Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=Closed")));
    }

    private static async Task<string> AdminIdAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        var staff = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().ListAsync(CancellationToken.None);
        return staff.Single().Id;
    }

    [Fact]
    public async Task Search_finds_tickets_by_number_email_company_subject_and_text()
    {
        await using var host = new SupportHostFactory();
        var printer = await OpenTicketAsync(host);
        var mail = await OpenTicketAsync(host, f =>
        {
            f["Input.Company"] = "Boulangerie Étoile";
            f["Input.Email"] = "paul@etoile.test";
            f["Input.Subject"] = "Messagerie bloquée";
            f["Input.Detail"] = "<p>Outlook affiche une erreur de synchronisation.</p>";
        });
        using var agent = await StaffSession.SignInAsync(host);
        async Task<IReadOnlyList<string>> Search(string q) => Numbers(await agent.GetStringAsync("/Staff/Tickets?queue=Open&q=" + Uri.EscapeDataString(q)));

        Assert.Equal([printer], await Search(printer));
        Assert.Equal([printer], await Search("#" + printer));
        Assert.Equal([mail], await Search("PAUL@etoile.test"));
        Assert.Equal([mail], await Search("etoile"));
        Assert.Equal([mail], await Search("messagerie"));
        Assert.Equal([mail], await Search("synchro"));
        Assert.Equal([printer], await Search("imprimante hors"));
        Assert.Empty(await Search("scanner"));
    }

    [Fact]
    public async Task Moving_a_ticket_to_another_company_keeps_its_search_up_to_date()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        await OpenTicketAsync(host, f => { f["Input.Company"] = "Boulangerie Étoile"; f["Input.Email"] = "paul@etoile.test"; f["Input.Detail"] = "<p>Autre sujet.</p>"; });
        using var agent = await StaffSession.SignInAsync(host);
        await AgentScenario.ReplyAsync(agent, number, "<p>Réponse avec le mot cartouche.</p>");
        var etoile = await QueryAsync(host, db => db.Companies.Where(c => c.Name == "Boulangerie Étoile").Select(c => c.Id).SingleAsync());
        var moved = await AgentScenario.UpdateAsync(agent, number, new Dictionary<string, string>
        {
            ["Team"] = "Support", ["AssignedAgentId"] = "", ["Status"] = "Open", ["Priority"] = "Normal",
            ["Severity"] = "Normal", ["HelpTopicId"] = "2", ["CompanyId"] = etoile.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        async Task<IReadOnlyList<string>> Search(string q) => Numbers(await agent.GetStringAsync("/Staff/Tickets?q=" + Uri.EscapeDataString(q)));
        Assert.Empty(await Search("industries"));
        Assert.Contains(number, await Search("etoile"));
        Assert.Equal([number], await Search("cartouche laserjet"));
    }

    [Fact]
    public async Task Filters_and_sort_narrow_and_order_the_queue()
    {
        await using var host = new SupportHostFactory();
        var low = await OpenTicketAsync(host, f => { f["Input.Priority"] = "Low"; f["Input.HelpTopicId"] = "1"; });
        var high = await OpenTicketAsync(host, f => { f["Input.Priority"] = "High"; f["Input.HelpTopicId"] = "5"; });
        var emergency = await OpenTicketAsync(host, f => { f["Input.Priority"] = "Emergency"; f["Input.HelpTopicId"] = "5"; });
        using var agent = await StaffSession.SignInAsync(host);

        Assert.Equal([emergency, high, low], Numbers(await agent.GetStringAsync("/Staff/Tickets?sort=Priority")));
        Assert.Equal([low, high, emergency], Numbers(await agent.GetStringAsync("/Staff/Tickets?sort=Oldest")));
        Assert.Equal([emergency, high], Numbers(await agent.GetStringAsync("/Staff/Tickets?topic=5")));
        Assert.Equal([high], Numbers(await agent.GetStringAsync("/Staff/Tickets?priority=High")));
        Assert.Empty(Numbers(await agent.GetStringAsync("/Staff/Tickets?team=Development")));
        Assert.Empty(Numbers(await agent.GetStringAsync("/Staff/Tickets?severity=Critical")));
    }

    [Fact]
    public async Task Paging_walks_a_queue_without_gaps_or_repeats()
    {
        await using var host = new SupportHostFactory();
        var opened = new List<string>();
        for (var i = 0; i < 55; i++)
        {
            opened.Add(await OpenTicketAsync(host, f => f["Input.Subject"] = "Ticket " + i));
        }

        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var first = await agent.GetStringAsync("/Staff/Tickets?sort=Created");
        Assert.Contains("55 ticket(s)", Text(first), StringComparison.Ordinal);
        var next = WebUtility.HtmlDecode(Regex.Match(first, "href=\"([^\"]+)\" data-testid=\"next-page\"").Groups[1].Value);
        var second = await agent.GetStringAsync(next);
        Assert.DoesNotContain("data-testid=\"next-page\"", second, StringComparison.Ordinal);

        var seen = Numbers(first).Concat(Numbers(second)).ToList();
        Assert.Equal(50, Numbers(first).Count);
        Assert.Equal(opened.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task Agent_reply_is_emailed_to_the_customer_but_an_internal_note_is_not()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host);
        await AgentScenario.ReplyAsync(agent, number, "<p>Note : vérifier le contrat.</p>", internalNote: true);
        await AgentScenario.ReplyAsync(agent, number, "<p>Pouvez-vous <em>redémarrer</em> l'imprimante ?</p>", files: Pdf("procedure.pdf"));

        var replyMail = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"Nouvelle réponse à votre ticket [#{number}]"));
        Assert.Contains("redémarrer", replyMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("contrat", replyMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(new PickupMailbox(host).To(CustomerEmail), m => (m.TextBody ?? "").Contains("vérifier le contrat", StringComparison.Ordinal));

        using var customer = await OpenLatestAccessLinkAsync(host, $"Nouvelle réponse à votre ticket [#{number}]");
        var view = Text(await customer.GetStringAsync("/tickets/view"));
        Assert.Contains("redémarrer", view, StringComparison.Ordinal);
        Assert.Contains("procedure.pdf", view, StringComparison.Ordinal);
        Assert.DoesNotContain("vérifier le contrat", view, StringComparison.Ordinal);

        var staffView = Text(await agent.GetStringAsync($"/Staff/Tickets/{number}"));
        Assert.Contains("vérifier le contrat", staffView, StringComparison.Ordinal);
        Assert.Contains("Note interne", staffView, StringComparison.Ordinal);

        var noteAttachment = await QueryAsync(host, db => db.Attachments.Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/Staff/Tickets/attachments/" + noteAttachment)).StatusCode);
        using var anonymous = StaffSession.Anonymous(host);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/Staff/Tickets/attachments/" + noteAttachment)).StatusCode);
    }

    [Fact]
    public async Task Agent_closes_with_a_reply_and_the_customer_is_told_once()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host);
        await AgentScenario.ReplyAsync(agent, number, "<p>Le pilote est réinstallé.</p>", thenStatus: "Closed");

        var closedMail = Assert.Single(await new PickupMailbox(host).WaitForAsync(CustomerEmail, $"Votre ticket est résolu [#{number}]"));
        Assert.Contains("réinstallé", closedMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(new PickupMailbox(host).To(CustomerEmail), m => m.Subject!.StartsWith("Nouvelle réponse", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Closed, await QueryAsync(host, db => db.Tickets.Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Every_change_is_recorded_in_the_audit_trail_and_raised_as_an_event()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var updated = await AgentScenario.UpdateAsync(agent, number, new Dictionary<string, string>
        {
            ["Team"] = "ItOperations", ["AssignedAgentId"] = await AdminIdAsync(host), ["Status"] = "AwaitingCustomer", ["Priority"] = "High",
            ["Severity"] = "Serious", ["HelpTopicId"] = "5", ["CompanyId"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);

        var audit = Text(Regex.Match(await agent.GetStringAsync($"/Staff/Tickets/{number}"), "data-testid=\"audit\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value);
        foreach (var line in new[] { "Team: Support → IT Operations", "Agent: — → Admin", "Severity: Normal → Serious", "Priority: Normal → High", "Help topic: Printer → Server", "Status: Open → Awaiting customer" })
        {
            Assert.Contains(line, audit, StringComparison.Ordinal);
        }

        var events = await QueryAsync(host, db => db.OutboxMessages.Select(m => m.Type).ToListAsync());
        foreach (var name in new[] { nameof(TicketOpenedEvent), nameof(TicketAssignedEvent), nameof(TicketSeverityChangedEvent), nameof(TicketStatusChangedEvent) })
        {
            Assert.Contains(events, e => e.StartsWith("Support.Ticketing.Contracts." + name + ",", StringComparison.Ordinal));
        }

        var severityEvent = await QueryAsync(host, db => db.OutboxMessages.Where(m => m.Type.StartsWith("Support.Ticketing.Contracts.TicketSeverityChangedEvent")).Select(m => m.Content).SingleAsync());
        Assert.Contains("\"Severity\":1", severityEvent, StringComparison.Ordinal);
        Assert.Contains("\"CompanyName\":\"Acme Industries\"", severityEvent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_properties_are_refused_and_change_nothing()
    {
        await using var host = new SupportHostFactory();
        var number = await OpenTicketAsync(host);
        using var agent = await StaffSession.SignInAsync(host, language: "en");
        var response = await AgentScenario.UpdateAsync(agent, number, new Dictionary<string, string>
        {
            ["Team"] = "Support", ["AssignedAgentId"] = "not-a-staff-id", ["Status"] = "Closed", ["Priority"] = "Normal",
            ["Severity"] = "Normal", ["HelpTopicId"] = "2", ["CompanyId"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose an agent from the list.", Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, await QueryAsync(host, db => db.Tickets.Select(t => t.Status).SingleAsync()));
        Assert.Equal(404, (int)(await agent.GetAsync("/Staff/Tickets/999999")).StatusCode);
    }

    [Fact]
    public async Task The_console_is_for_staff_only()
    {
        await using var host = new SupportHostFactory();
        using var anonymous = StaffSession.Anonymous(host);
        foreach (var page in new[] { "/Staff/Tickets", "/Staff/Companies", "/Staff/Reports/Time", "/Staff/Admin/Ticketing" })
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/Staff/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
