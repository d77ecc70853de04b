using Support.Kernel.Contracts;

namespace Support.Incidents.Contracts;

/// <summary>An agent declared a major incident.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When it was declared.</param>
/// <param name="IncidentId">The incident's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Severity">Its severity: <c>Major</c> or <c>Critical</c>.</param>
public sealed record IncidentDeclaredEvent(Guid EventId, DateTime OccurredAtUtc, long IncidentId, string Title, string Severity) : IIntegrationEvent;

/// <summary>
/// The impacted companies of an incident were determined: the impacted customers must be notified in writing
/// within 20 to 30 minutes of <paramref name="OccurredAtUtc"/> (the "Incident" workflow starts on it).
/// </summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When the impact was determined.</param>
/// <param name="IncidentId">The incident's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Companies">How many companies are impacted.</param>
public sealed record IncidentImpactDeterminedEvent(Guid EventId, DateTime OccurredAtUtc, long IncidentId, string Title, int Companies) : IIntegrationEvent;

/// <summary>A written notification went out to the impacted customers of an incident.</summary>
/// <param name="EventId">The event's id.</param>
/// <param name="OccurredAtUtc">When it was sent.</param>
/// <param name="IncidentId">The incident's id.</param>
/// <param name="Recipients">How many customers it was sent to.</param>
/// <param name="IsFirst">Whether it is the incident's first notification.</param>
public sealed record IncidentNotifiedEvent(Guid EventId, DateTime OccurredAtUtc, long IncidentId, int Recipients, bool IsFirst) : IIntegrationEvent;
