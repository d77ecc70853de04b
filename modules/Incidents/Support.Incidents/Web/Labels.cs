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

    public static string Task(this IStringLocalizer t, TaskState state) => state switch
    {
        TaskState.ToDo => t["To do"],
        TaskState.InProgress => t["In progress"],
        _ => t["Done"],
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
        TimelineKind.TeamChanged when entry.Detail.Split('|') is [var sign, var name, var role, var team]
            && Enum.TryParse<IncidentRole>(role, out var r) && Enum.TryParse<ExpertTeam>(team, out var x) =>
            sign == "+" ? t["Team: {0} joins as {1}", name, t.Role(r, x)] : t["Team: {0} no longer {1}", name, t.Role(r, x)],
        TimelineKind.TaskAdded => t["Resolution plan: task added, {0}", entry.Detail],
        TimelineKind.TaskStateChanged when entry.Detail.Split('|') is [var task, var state] && Enum.TryParse<TaskState>(state, out var s) =>
            t["Resolution plan: {0} → {1}", task, t.Task(s)],
        TimelineKind.StatusPublished => t["Published on the status page: {0}", entry.Detail],
        TimelineKind.PostMortemSaved => t["Post-mortem recorded"],
        TimelineKind.ActionItemAdded => t["Action plan: {0}", entry.Detail],
        TimelineKind.ActionItemDone => t["Action done: {0}", entry.Detail],
        TimelineKind.ScopeAssessed => t["Scope assessed: {0}", entry.Detail],
        TimelineKind.CadenceSet => entry.Detail.Length == 0 ? t["Update cadence removed"] : t["Update cadence: every {0} minutes", entry.Detail],
        TimelineKind.UpdateReminder => t["Reminder: the update to the customers was due at {0} ({1})", entry.Detail.Split('|') is [var due, ..] ? due : "", entry.Detail.Split('|') is [_, var lead] ? lead : ""],
        TimelineKind.RcaRequested => t["RCA report requested by {0}", entry.Detail],
        TimelineKind.RcaRefused => t["RCA report refused to {0}: not a contact of an impacted company", entry.Detail],
        TimelineKind.RcaApproved => t["RCA report request of {0} approved", entry.Detail],
        TimelineKind.RcaDeclined => t["RCA report request declined: {0}", entry.Detail],
        TimelineKind.RcaSent => t["RCA report emailed to {0}", entry.Detail],
        _ => entry.Detail,
    };

    /// <summary>A timeline entry as the RCA report words it for customers.</summary>
    public static string RcaTimeline(this IStringLocalizer t, TimelineEntry entry) => entry.Kind switch
    {
        TimelineKind.ImpactDetermined => t["Impacted customers identified"],
        TimelineKind.NotificationSent => t["Customers notified in writing: {0}", entry.Detail],
        TimelineKind.StatusPublished => t["Status page update: {0}", entry.Detail],
        _ => t.Timeline(entry),
    };

    public static string RcaRequest(this IStringLocalizer t, RcaRequestState state) => state switch
    {
        RcaRequestState.Pending => t["Waiting for approval"],
        RcaRequestState.Refused => t["Refused: not a contact of an impacted company"],
        RcaRequestState.Declined => t["Declined"],
        _ => t["Sent"],
    };
}
