using Microsoft.Extensions.Localization;
using Support.Incidents.Domain;

namespace Support.Incidents.Web;

/// <summary>The words the incident pages show for states, severities, roles and timeline entries.</summary>
internal static class Labels
{
    public static string State(this IStringLocalizer t, IncidentState state) => state switch
    {
        IncidentState.Investigating => t["Investigating"],
        IncidentState.Identified => t["Identified"],
        IncidentState.Monitoring => t["Monitoring"],
        IncidentState.Resolved => t["Resolved"],
        _ => t["Closed after review"],
    };

    public static string StateBadge(IncidentState state) => state switch
    {
        IncidentState.Investigating => "text-bg-danger",
        IncidentState.Identified => "text-bg-warning",
        IncidentState.Monitoring => "text-bg-info",
        IncidentState.Resolved => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string Severity(this IStringLocalizer t, IncidentSeverity severity) =>
        severity == IncidentSeverity.Critical ? t["Critical"] : t["Major"];

    public static string Role(this IStringLocalizer t, IncidentRole role, ExpertTeam team) => role switch
    {
        IncidentRole.IncidentLead => t["Incident lead"],
        IncidentRole.CommunicationsLead => t["Communications lead"],
        _ => team switch
        {
            ExpertTeam.Development => t["Expert · Development"],
            ExpertTeam.ItOperations => t["Expert · IT Operations"],
            ExpertTeam.Management => t["Expert · Management"],
            _ => t["Expert"],
        },
    };

    public static string Timeline(this IStringLocalizer t, TimelineEntry entry) => entry.Kind switch
    {
        TimelineKind.Declared => t["Incident declared: {0}", entry.Detail],
        TimelineKind.StateChanged => t["State: {0}", Enum.TryParse<IncidentState>(entry.Detail, out var state) ? t.State(state) : entry.Detail],
        TimelineKind.TicketLinked => t["Ticket linked: {0}", entry.Detail],
        TimelineKind.CompaniesChanged => t["Impacted companies: {0}", entry.Detail],
        TimelineKind.ImpactDetermined => t["Impact determined for {0} company(ies): the customers must be notified within 30 minutes", entry.Detail],
        TimelineKind.NotificationSent => t["Notification sent: {0}", entry.Detail],
        TimelineKind.NotificationReminder => t["Reminder: the first notification is due ({0})", entry.Detail],
        TimelineKind.NotificationLate => t["Late: no notification 30 minutes after the impact was determined"],
        TimelineKind.Edited => t["Incident details edited"],
        _ => entry.Detail,
    };
}
