using Support.Kernel.Contracts;

namespace Support.Escalation.Contracts;

/// <summary>
/// A customer asked for their ticket to be escalated (the default "Escalation" workflow starts on it).
/// </summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When the customer asked.</param>
/// <param name="TicketId">The ticket's internal id (the workflows' correlation).</param>
/// <param name="Number">The ticket's number as customers see it.</param>
/// <param name="EscalationId">The escalation opened for the request.</param>
/// <param name="Reason">The customer's reason.</param>
public sealed record EscalationRequestedEvent(Guid EventId, DateTime OccurredAtUtc, long TicketId, string Number, long EscalationId, string Reason) : IIntegrationEvent;

/// <summary>An escalation contact (through the emailed link) or an agent (in the console) acknowledged the ticket's escalation.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When it was acknowledged.</param>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The ticket's number.</param>
/// <param name="EscalationId">The escalation acknowledged.</param>
/// <param name="Level">The level of the contact chain it had reached.</param>
/// <param name="AcknowledgedBy">Who acknowledged it.</param>
public sealed record EscalationAcknowledgedEvent(Guid EventId, DateTime OccurredAtUtc, long TicketId, string Number, long EscalationId, int Level, string AcknowledgedBy) : IIntegrationEvent;

/// <summary>An agent handed the ticket off to an expert team (Development, IT Operations, Management).</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When.</param>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The ticket's number.</param>
/// <param name="Team">The expert team: <c>Development</c>, <c>ItOperations</c> or <c>Management</c>.</param>
/// <param name="Level">The ticket's escalation level after the hand-off.</param>
public sealed record TicketHandedOffEvent(Guid EventId, DateTime OccurredAtUtc, long TicketId, string Number, string Team, int Level) : IIntegrationEvent;

/// <summary>A customer asked for the severity of their ticket to be reclassified.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When.</param>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The ticket's number.</param>
/// <param name="CurrentSeverity">The severity when asked: <c>Normal</c>, <c>Serious</c> or <c>Critical</c>.</param>
/// <param name="WantedSeverity">The severity asked for.</param>
public sealed record ReclassificationRequestedEvent(Guid EventId, DateTime OccurredAtUtc, long TicketId, string Number, string CurrentSeverity, string WantedSeverity) : IIntegrationEvent;

/// <summary>An agent accepted or declined a reclassification request.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When.</param>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The ticket's number.</param>
/// <param name="Accepted">Whether the severity was changed.</param>
/// <param name="WantedSeverity">The severity asked for.</param>
public sealed record ReclassificationDecidedEvent(Guid EventId, DateTime OccurredAtUtc, long TicketId, string Number, bool Accepted, string WantedSeverity) : IIntegrationEvent;
