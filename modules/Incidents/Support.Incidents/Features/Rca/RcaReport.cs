using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Kernel.Contracts;

namespace Support.Incidents.Features.Rca;

/// <summary>
/// The root-cause-analysis report of an incident: what customers may read of it, assembled from the incident and its
/// post-mortem. Nothing internal goes in: no other customer's name, no internal note, no staff discussion.
/// </summary>
internal sealed record RcaReport(
    long IncidentId,
    string Reference,
    string Title,
    string Summary,
    string Impact,
    IReadOnlyList<string> Services,
    IncidentSeverity Severity,
    IncidentState State,
    int ImpactedCompanies,
    DateTime StartedAtUtc,
    DateTime? ImpactDeterminedAtUtc,
    DateTime? FirstNotifiedAtUtc,
    DateTime? ResolvedAtUtc,
    IReadOnlyList<TimelineEntry> Timeline,
    string RootCauses,
    string ContributingFactors,
    IReadOnlyList<ActionItem> Actions,
    DateTime ReviewedAtUtc)
{
    /// <summary>The events of the timeline a customer may read: declaration, states, impact, notifications and public updates.</summary>
    public static readonly IReadOnlySet<TimelineKind> PublicKinds = new HashSet<TimelineKind>
    {
        TimelineKind.Declared,
        TimelineKind.StateChanged,
        TimelineKind.ImpactDetermined,
        TimelineKind.NotificationSent,
        TimelineKind.StatusPublished,
    };

    /// <summary>How long customers were impacted: from the declaration to the resolution.</summary>
    public TimeSpan? Duration => ResolvedAtUtc - StartedAtUtc;

    /// <summary>The name of the PDF file, e.g. <c>RCA-INC-0001.pdf</c>.</summary>
    public string FileName => $"RCA-{Reference}.pdf";
}

/// <summary>The RCA report of an incident; null when the incident does not exist or has no post-mortem yet (the report is built from it).</summary>
internal sealed record RcaReportQuery(long IncidentId) : IQuery<RcaReport?>;

internal sealed class RcaReportQueryHandler(IncidentsDbContext db) : IRequestHandler<RcaReportQuery, RcaReport?>
{
    public Task<RcaReport?> Handle(RcaReportQuery request, CancellationToken cancellationToken) => db.RcaReportAsync(request.IncidentId, cancellationToken);
}

internal static class RcaReports
{
    public static async Task<RcaReport?> RcaReportAsync(this IncidentsDbContext db, long incidentId, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        var review = await db.PostMortems.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == incidentId, cancellationToken);
        if (incident is null || review is null)
        {
            return null;
        }

        var kinds = RcaReport.PublicKinds.ToList();
        var timeline = await db.Timeline.AsNoTracking()
            .Where(e => e.IncidentId == incidentId && kinds.Contains(e.Kind))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.IncidentId == incidentId).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var companies = await db.AffectedCompanies.CountAsync(c => c.IncidentId == incidentId, cancellationToken);
        return new RcaReport(
            incident.Id,
            incident.Reference,
            incident.Title,
            incident.Description,
            incident.Impact,
            [.. incident.Services],
            incident.Severity,
            incident.State,
            companies,
            incident.DeclaredAtUtc,
            incident.ImpactDeterminedAtUtc,
            incident.FirstNotifiedAtUtc,
            incident.ResolvedAtUtc,
            timeline,
            review.RootCauses,
            review.ContributingFactors,
            actions,
            review.UpdatedAtUtc);
    }
}
