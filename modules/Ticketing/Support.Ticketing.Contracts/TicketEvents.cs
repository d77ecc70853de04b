using Support.Kernel.Contracts;

namespace Support.Ticketing.Contracts;

/// <summary>A ticket as subscribers need it at the moment of an event: who, what, how serious.</summary>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The six-digit number customers and agents quote.</param>
/// <param name="Subject">The ticket's subject.</param>
/// <param name="Status">The status after the event.</param>
/// <param name="Priority">The customer's priority.</param>
/// <param name="Severity">The severity after the event.</param>
/// <param name="CriticalSituation">Whether the customer ticked "critical situation".</param>
/// <param name="Team">The team the ticket is assigned to.</param>
/// <param name="AssignedAgentId">The staff account assigned, if any.</param>
/// <param name="HelpTopic">The help topic's key, e.g. <c>printer</c>.</param>
/// <param name="CompanyId">The customer's company.</param>
/// <param name="CompanyName">The company's name.</param>
/// <param name="CompanyHasContract">Whether the company has a maintenance contract in force.</param>
/// <param name="CustomerEmail">The customer's address.</param>
/// <param name="CreatedAtUtc">When the ticket was opened.</param>
public sealed record TicketSnapshot(
    long TicketId,
    int Number,
    string Subject,
    TicketStatus Status,
    TicketPriority Priority,
    TicketSeverity Severity,
    bool CriticalSituation,
    SupportTeam Team,
    string? AssignedAgentId,
    string HelpTopic,
    long CompanyId,
    string CompanyName,
    bool CompanyHasContract,
    string CustomerEmail,
    DateTime CreatedAtUtc)
{
    /// <summary>The events about one ticket are delivered in the order they were raised.</summary>
    internal string OrderingKey => "ticket:" + TicketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A customer (portal or a channel plugin) opened a ticket.</summary>
public sealed record TicketOpenedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, string Channel) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>The customer added a message to the thread.</summary>
public sealed record CustomerRepliedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, long ThreadEntryId) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>An agent sent a public reply to the customer (internal notes raise no event).</summary>
public sealed record AgentRepliedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, long ThreadEntryId, string AgentId, bool IsFirstReply) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>The ticket's status changed (including to and from Closed).</summary>
public sealed record TicketStatusChangedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, TicketStatus PreviousStatus) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>An agent changed the ticket's severity; SLA targets follow it.</summary>
public sealed record TicketSeverityChangedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, TicketSeverity PreviousSeverity) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>The ticket was assigned to another team or agent.</summary>
public sealed record TicketAssignedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, SupportTeam PreviousTeam, string? PreviousAgentId) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>The ticket was closed.</summary>
public sealed record TicketClosedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>A closed ticket was opened again (by a customer reply or an agent).</summary>
public sealed record TicketReopenedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, bool ByCustomer) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>
/// The ticket's SLA clocks changed: a clock started, stopped, paused, resumed or was timed again (severity,
/// company, help topic). <paramref name="DueAtUtc"/> and <paramref name="WarnAtUtc"/> are those of the
/// earliest running clock, null when none runs.
/// </summary>
public sealed record SlaClocksChangedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, string? Clock, DateTime? DueAtUtc, DateTime? WarnAtUtc) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>A running SLA clock passed its warning threshold (raised by the SLA workflow). <paramref name="Clock"/>: <c>FirstResponse</c>, <c>NextResponse</c> or <c>Resolution</c>.</summary>
public sealed record SlaWarningEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, string Clock, DateTime DueAtUtc) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}

/// <summary>A running SLA clock passed its due time (raised by the SLA workflow); Escalation listens.</summary>
public sealed record SlaBreachedEvent(Guid EventId, DateTime OccurredAtUtc, TicketSnapshot Ticket, string Clock, DateTime DueAtUtc) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Ticket.OrderingKey;
}
