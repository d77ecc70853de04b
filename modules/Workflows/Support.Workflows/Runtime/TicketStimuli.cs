using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Support.Ticketing.Contracts;
using Support.Workflows.Contracts;

namespace Support.Workflows.Runtime;

/// <summary>The Ticketing events workflows start on and wait for, correlated by ticket id.</summary>
internal static class TicketStimuli
{
    private static readonly string[] Fields =
        ["ticketId", "number", "subject", "status", "priority", "severity", "criticalSituation", "team", "assignedAgentId", "helpTopic", "companyId", "companyName", "companyHasContract", "customerEmail", "createdAtUtc"];

    public static IServiceCollection AddTicketStimuli(this IServiceCollection services)
    {
        Add<TicketOpenedEvent>(services, "TicketOpened", "Ticket opened", e => e.Ticket, e => new() { ["channel"] = e.Channel }, "channel");
        Add<CustomerRepliedEvent>(services, "CustomerReplied", "Customer replied", e => e.Ticket, _ => []);
        Add<AgentRepliedEvent>(services, "AgentReplied", "Agent replied", e => e.Ticket, e => new() { ["agentId"] = e.AgentId, ["isFirstReply"] = e.IsFirstReply }, "agentId", "isFirstReply");
        Add<TicketStatusChangedEvent>(services, "TicketStatusChanged", "Ticket status changed", e => e.Ticket, e => new() { ["previousStatus"] = e.PreviousStatus.ToString() }, "previousStatus");
        Add<TicketSeverityChangedEvent>(services, "TicketSeverityChanged", "Ticket severity changed", e => e.Ticket, e => new() { ["previousSeverity"] = e.PreviousSeverity.ToString() }, "previousSeverity");
        Add<TicketAssignedEvent>(services, "TicketAssigned", "Ticket assigned", e => e.Ticket, e => new() { ["previousTeam"] = e.PreviousTeam.ToString(), ["previousAgentId"] = e.PreviousAgentId }, "previousTeam", "previousAgentId");
        Add<TicketClosedEvent>(services, "TicketClosed", "Ticket closed", e => e.Ticket, _ => []);
        Add<TicketReopenedEvent>(services, "TicketReopened", "Ticket reopened", e => e.Ticket, e => new() { ["byCustomer"] = e.ByCustomer }, "byCustomer");
        Add<SlaClocksChangedEvent>(services, "SlaClocksChanged", "SLA clocks changed", e => e.Ticket, e => new() { ["clock"] = e.Clock, ["dueAtUtc"] = e.DueAtUtc, ["warnAtUtc"] = e.WarnAtUtc }, "clock", "dueAtUtc", "warnAtUtc");
        Add<SlaWarningEvent>(services, "SlaWarning", "SLA warning", e => e.Ticket, e => new() { ["clock"] = e.Clock, ["dueAtUtc"] = e.DueAtUtc }, "clock", "dueAtUtc");
        Add<SlaBreachedEvent>(services, "SlaBreached", "SLA breached", e => e.Ticket, e => new() { ["clock"] = e.Clock, ["dueAtUtc"] = e.DueAtUtc }, "clock", "dueAtUtc");
        return services;
    }

    private static void Add<TEvent>(IServiceCollection services, string name, string displayName, Func<TEvent, TicketSnapshot> ticket, Func<TEvent, Dictionary<string, object?>> extra, params string[] extraFields)
        where TEvent : Kernel.Contracts.IIntegrationEvent =>
        services.AddSingleton(WorkflowStimulus.For<TEvent>(
            "Ticketing." + name,
            displayName,
            e => ticket(e).TicketId.ToString(CultureInfo.InvariantCulture),
            e =>
            {
                var payload = Snapshot(ticket(e));
                foreach (var (key, value) in extra(e))
                {
                    payload[key] = value;
                }

                return payload;
            },
            [.. Fields, .. extraFields]));

    private static Dictionary<string, object?> Snapshot(TicketSnapshot t) => new()
    {
        ["ticketId"] = t.TicketId,
        ["number"] = t.Number,
        ["subject"] = t.Subject,
        ["status"] = t.Status.ToString(),
        ["priority"] = t.Priority.ToString(),
        ["severity"] = t.Severity.ToString(),
        ["criticalSituation"] = t.CriticalSituation,
        ["team"] = t.Team.ToString(),
        ["assignedAgentId"] = t.AssignedAgentId,
        ["helpTopic"] = t.HelpTopic,
        ["companyId"] = t.CompanyId,
        ["companyName"] = t.CompanyName,
        ["companyHasContract"] = t.CompanyHasContract,
        ["customerEmail"] = t.CustomerEmail,
        ["createdAtUtc"] = t.CreatedAtUtc,
    };
}
