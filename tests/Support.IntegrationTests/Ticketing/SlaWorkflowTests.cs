using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using Support.Workflows.Data;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Ticketing;

/// <summary>The default "SLA" workflow: installed on first run, it raises the SLA warning and breach; admins change it in the designer.</summary>
public sealed partial class SlaWorkflowTests
{
    private const string TeamLead = "chef.equipe@support.test";
    private const string Definition = "/Staff/Admin/Workflows/Definitions/sla";

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, DateTimeKind.Utc);

    private static SupportHostFactory Host(ManualClock clock, string? dataFolder = null, bool dispatch = true) =>
        new SupportHostFactory(dataFolder, new Dictionary<string, string?> { ["Ticketing:SlaWorkflow"] = "true", ["Outbox:DispatchEnabled"] = dispatch ? "true" : "false" })
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));

    private static string Flat(string html) => Spaces().Replace(Text(html), " ");

    private static async Task<string> AuditTrailAsync(StaffSession agent, string number) =>
        Flat(Regex.Match(await agent.GetStringAsync($"/Staff/Tickets/{number}"), "data-testid=\"audit\".*", RegexOptions.Singleline).Value);

    private static Task<string> WaitForAuditAsync(StaffSession agent, string number, string line) =>
        Eventually.WaitForAsync(() => AuditTrailAsync(agent, number), text => text.Contains(line, StringComparison.Ordinal), $"\"{line}\" in the audit trail of ticket {number}");

    private static async Task<List<(long TicketId, int Version)>> InstancesAsync(SupportHostFactory host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var instances = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "sla").Select(i => new { i.CorrelationId, i.DefinitionVersionId }).ToListAsync();
        var versions = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == "sla").ToDictionaryAsync(d => d.Id, d => d.Version);
        return [.. instances.Select(i => (long.Parse(i.CorrelationId!, CultureInfo.InvariantCulture), versions[i.DefinitionVersionId]))];
    }

    private static async Task<long> TicketIdAsync(SupportHostFactory host, string number) =>
        await QueryAsync(host, db => db.Tickets.Where(t => t.Number == int.Parse(number, CultureInfo.InvariantCulture)).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task The_installed_sla_workflow_warns_then_reports_the_breach_of_an_unanswered_ticket_and_stands_down_once_answered()
    {
        var clock = new ManualClock(Utc(30, 8));
        await using var host = Host(clock);
        using var admin = await StaffSession.SignInAsync(host);
        Assert.Contains("SLA 1 Version 1", Flat(await admin.GetStringAsync("/Staff/Admin/Workflows")), StringComparison.Ordinal);

        var number = await OpenTicketAsync(host);
        var ticketId = await TicketIdAsync(host, number);
        await Eventually.WaitForAsync(() => InstancesAsync(host), i => i.Contains((ticketId, 1)), "the SLA instance of the new ticket");
        Assert.DoesNotContain("alerte", await AuditTrailAsync(admin, number), StringComparison.Ordinal);

        // 3 h 05 into the 4 business hours of the first response: past the 75 % threshold.
        clock.Set(Utc(30, 11, 5));
        await WaitForAuditAsync(admin, number, "SLA · alerte : le délai de première réponse est à risque");
        Assert.DoesNotContain("dépassement", await AuditTrailAsync(admin, number), StringComparison.Ordinal);

        clock.Set(Utc(30, 12, 5));
        await WaitForAuditAsync(admin, number, "SLA · dépassement : le délai de première réponse a passé son échéance");

        // Answered: the next deadline is the resolution's warning, 30 business hours after the opening (Thursday 15:00 in Paris).
        await AgentScenario.ReplyAsync(admin, number, "<p>Nous regardons.</p>");
        clock.Set(Utc(30, 16, 30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var trail = await AuditTrailAsync(admin, number);
        Assert.Single(Regex.Matches(trail, "alerte :"));
        Assert.Single(Regex.Matches(trail, "dépassement :"));
    }

    [Fact]
    public async Task An_admin_adds_an_email_to_the_team_lead_at_the_warning_in_the_designer_and_new_tickets_follow_the_new_version()
    {
        var clock = new ManualClock(Utc(30, 8));
        await using var host = Host(clock);
        using var admin = await StaffSession.SignInAsync(host);
        var before = await OpenTicketAsync(host);

        // What the designer submits: the exported definition with a "Send email" on the Warning port.
        var json = JsonNode.Parse(await admin.GetStringAsync(Definition + "?handler=Export"))!;
        json["root"]!["activities"]!.AsArray().Add(JsonNode.Parse($$"""
            { "id": "lead", "type": "SendEmail", "name": "Tell the team lead",
              "inputs": { "To": { "expression": { "type": "Literal", "value": "{{TeamLead}}" } },
                          "Subject": { "expression": { "type": "JavaScript", "value": "'Alerte SLA ticket ' + event.number" } },
                          "Body": { "expression": { "type": "Variable", "value": "slaDueAt" } } },
              "metadata": { "designer": { "position": { "x": 0, "y": 600 } } } }
            """));
        var connections = json["root"]!["connections"]!.AsArray();
        var warning = connections.Single(c => (string?)c!["source"]!["activity"] == "mark" && (string?)c["source"]!["port"] == "Warning")!;
        warning["target"]!["activity"] = "lead";
        connections.Add(JsonNode.Parse("""{ "source": { "activity": "lead", "port": "Done" }, "target": { "activity": "join", "port": "In" }, "vertices": [] }"""));
        var published = await admin.SubmitAsync(Definition, new Dictionary<string, string> { ["Json"] = json.ToJsonString(), ["publish"] = "true" }, Definition + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("SLA 2 Version 2", Flat(await admin.GetStringAsync("/Staff/Admin/Workflows")), StringComparison.Ordinal);

        var after = await OpenTicketAsync(host);
        var (beforeId, afterId) = (await TicketIdAsync(host, before), await TicketIdAsync(host, after));
        await Eventually.WaitForAsync(() => InstancesAsync(host), i => i.Contains((beforeId, 1)) && i.Contains((afterId, 2)), "each ticket's instance on its version");

        clock.Set(Utc(30, 11, 5));
        await WaitForAuditAsync(admin, before, "SLA · alerte : le délai de première réponse est à risque");
        var mail = Assert.Single(await new PickupMailbox(host).WaitForAsync(TeamLead, "Alerte SLA"));
        Assert.Equal($"Alerte SLA ticket {int.Parse(after, CultureInfo.InvariantCulture)}", mail.Subject);
        await WaitForAuditAsync(admin, after, "SLA · alerte : le délai de première réponse est à risque");
        Assert.Single(new PickupMailbox(host).To(TeamLead));
    }

    [Fact]
    public async Task Events_found_together_after_a_restart_start_each_ticket_s_instance_and_resume_the_one_answered_meanwhile()
    {
        var clock = new ManualClock(Utc(30, 8));
        var dataFolder = SupportHostFactory.CreateTemporaryFolder("data");
        string[] numbers;

        // Raised while nothing dispatches: the next host finds the openings and the answer's clock change in one batch.
        await using (var stopped = Host(clock, dataFolder, dispatch: false))
        {
            numbers = [await OpenTicketAsync(stopped), await OpenTicketAsync(stopped), await OpenTicketAsync(stopped)];
            using var agent = await StaffSession.SignInAsync(stopped);
            await AgentScenario.ReplyAsync(agent, numbers[1], "<p>Nous regardons.</p>");
        }

        await using var host = Host(clock, dataFolder);
        var ids = new List<long>();
        foreach (var number in numbers)
        {
            ids.Add(await TicketIdAsync(host, number));
        }

        await Eventually.WaitForAsync(() => InstancesAsync(host), i => ids.All(id => i.Contains((id, 1))), "the SLA instance of each ticket");
        await Eventually.WaitForAsync(
            () => QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)), pending => pending == 0, "the ticket events to be delivered");

        // The clock change was delivered after the opening it follows: the answered ticket's instance was resumed by it.
        using var admin = await StaffSession.SignInAsync(host);
        var resumed = await Task.WhenAll(ids.Select(id => ResumedByClockChangeAsync(host, admin, id)));
        Assert.Equal([false, true, false], resumed);

        clock.Set(Utc(30, 11, 5));
        await WaitForAuditAsync(admin, numbers[0], "SLA · alerte : le délai de première réponse est à risque");
        await WaitForAuditAsync(admin, numbers[2], "SLA · alerte : le délai de première réponse est à risque");
        Assert.DoesNotContain("alerte", await AuditTrailAsync(admin, numbers[1]), StringComparison.Ordinal);
    }

    /// <summary>Whether the instance page of the ticket's SLA instance shows it resumed by "SLA clocks changed".</summary>
    private static async Task<bool> ResumedByClockChangeAsync(SupportHostFactory host, StaffSession admin, long ticketId)
    {
        string instanceId;
        using (var scope = host.Services.CreateScope())
        {
            var correlation = ticketId.ToString(CultureInfo.InvariantCulture);
            instanceId = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances
                .Where(i => i.DefinitionId == "sla" && i.CorrelationId == correlation).Select(i => i.Id).SingleAsync();
        }

        return Flat(await admin.GetStringAsync($"/Staff/Admin/Workflows/Instances/{instanceId}")).Contains("Reprise", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
