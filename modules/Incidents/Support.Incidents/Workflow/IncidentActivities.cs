using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Kernel.Email;
using Support.Kernel.Staff;
using Support.Workflows.Contracts;

namespace Support.Incidents.Workflow;

/// <summary>The activities Incidents adds to the workflow designer's palette (category "Incidents").</summary>
internal static class IncidentActivityNames
{
    public const string Category = "Incidents";

    /// <summary>The incident of the instance (its correlation id), or null when the instance is not about an incident.</summary>
    public static async Task<Incident?> IncidentAsync(IActivityContext context, CancellationToken cancellationToken) =>
        long.TryParse(context.CorrelationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await context.Services.GetRequiredService<IncidentsDbContext>().Incidents.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            : null;

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static TimeSpan Duration(IActivityContext context, string input, TimeSpan fallback)
    {
        var text = context.GetText(input);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"\"{text}\" is not a duration; write it as 00:20:00.");
    }
}

/// <summary>
/// Reads the incident's notification deadlines into variables: <c>remindAt</c> (impact determined + the reminder
/// delay) and <c>lateAt</c> (impact determined + the late delay). Notified when the first notification is already
/// out, Pending otherwise.
/// </summary>
internal sealed class ReadNotificationDeadlinesActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "ReadNotificationDeadlines", IncidentActivityNames.Category, "Read notification deadlines",
        "Reads when the impact of the incident was determined and computes the reminder and late instants into the variables remindAt and lateAt.",
        [
            new("Reminder", "Reminder after", "How long after the impact is determined the communications lead is reminded, e.g. 00:20:00.", InputHint.Duration, Required: true, DefaultValue: "00:20:00"),
            new("Late", "Late after", "How long after the impact is determined the incident is flagged late, e.g. 00:30:00.", InputHint.Duration, Required: true, DefaultValue: "00:30:00"),
        ],
        ["Pending", "Notified"])
    { Texts = typeof(IncidentsResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var incident = await IncidentActivityNames.IncidentAsync(context, cancellationToken);
        if (incident?.ImpactDeterminedAtUtc is not { } determined || incident.FirstNotifiedAtUtc is not null)
        {
            return ActivityResult.Done("Notified");
        }

        context.SetVariable("remindAt", IncidentActivityNames.Iso(determined + IncidentActivityNames.Duration(context, "Reminder", TimeSpan.FromMinutes(20))));
        context.SetVariable("lateAt", IncidentActivityNames.Iso(determined + IncidentActivityNames.Duration(context, "Late", TimeSpan.FromMinutes(30))));
        return ActivityResult.Done("Pending");
    }
}

/// <summary>
/// Reminds the communications lead (or, without one, the incident lead, or else whoever declared the incident) by
/// email that the impacted customers are waiting for their first written notification; records it on the timeline.
/// Notified when it went out meanwhile.
/// </summary>
internal sealed class RemindCommunicationsLeadActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "RemindCommunicationsLead", IncidentActivityNames.Category, "Remind the communications lead",
        "Emails the incident's communications lead that the first notification of the impacted customers is due; Notified when it has gone out already.",
        [], ["Reminded", "Notified"])
    { Texts = typeof(IncidentsResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var incident = await IncidentActivityNames.IncidentAsync(context, cancellationToken);
        if (incident is null || incident.FirstNotifiedAtUtc is not null)
        {
            return ActivityResult.Done("Notified");
        }

        var db = context.Services.GetRequiredService<IncidentsDbContext>();
        var (email, name) = await IncidentLeads.ResponsibleAsync(db, context.Services.GetRequiredService<IStaffDirectory>(), incident, cancellationToken);
        if (email is not null)
        {
            var minutes = incident.ImpactDeterminedAtUtc is { } at ? (int)(context.UtcNow - at).TotalMinutes : 0;
            context.Services.GetRequiredService<IEmailOutbox>().Queue(new OutgoingEmail(
                email,
                name,
                $"[{incident.Reference}] Notification des clients attendue",
                $"L'impact de l'incident « {incident.Title} » a été déterminé il y a {minutes} minutes et les clients impactés n'ont pas encore été notifiés par écrit.\n"
                + "Ils doivent l'être dans les 30 minutes : envoyez la première notification depuis la page de l'incident.\n\n"
                + $"The impact of incident \"{incident.Title}\" was determined {minutes} minutes ago and the impacted customers have not been notified in writing yet; they must be within 30 minutes.",
                null,
                "incident-reminder"));
        }

        incident.RecordReminder(context.UtcNow);
        db.Timeline.Add(new TimelineEntry(incident.Id, context.UtcNow, TimelineKind.NotificationReminder, name ?? "", "Workflow"));
        return ActivityResult.Done("Reminded");
    }
}

/// <summary>Flags the incident late (no written notification within 30 minutes of the impact) and records it on the timeline; Notified when it went out meanwhile.</summary>
internal sealed class FlagNotificationLateActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "FlagNotificationLate", IncidentActivityNames.Category, "Flag the notification late",
        "Flags the incident late when the impacted customers have still not been notified; Notified when they have.",
        [], ["Late", "Notified"])
    { Texts = typeof(IncidentsResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var incident = await IncidentActivityNames.IncidentAsync(context, cancellationToken);
        if (incident is null || incident.FirstNotifiedAtUtc is not null)
        {
            return ActivityResult.Done("Notified");
        }

        incident.FlagLate(context.UtcNow);
        context.Services.GetRequiredService<IncidentsDbContext>().Timeline.Add(new TimelineEntry(incident.Id, context.UtcNow, TimelineKind.NotificationLate, "", "Workflow"));
        return ActivityResult.Done("Late");
    }
}

/// <summary>Who answers for the notification of an incident.</summary>
internal static class IncidentLeads
{
    public static async Task<(string? Email, string? Name)> ResponsibleAsync(IncidentsDbContext db, IStaffDirectory staff, Incident incident, CancellationToken cancellationToken)
    {
        var leads = await db.TeamMembers.AsNoTracking()
            .Where(m => m.IncidentId == incident.Id && (m.Role == IncidentRole.CommunicationsLead || m.Role == IncidentRole.IncidentLead))
            .ToListAsync(cancellationToken);
        var lead = leads.FirstOrDefault(m => m.Role == IncidentRole.CommunicationsLead) ?? leads.FirstOrDefault();
        if (lead is not null)
        {
            return (lead.Email, lead.Name);
        }

        var declarer = await staff.FindAsync(incident.DeclaredById, cancellationToken);
        return (declarer?.Email, declarer?.DisplayName ?? incident.DeclaredBy);
    }
}
