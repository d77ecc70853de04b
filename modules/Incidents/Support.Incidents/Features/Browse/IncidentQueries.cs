using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Incidents.Data;
using Support.Incidents.Domain;
using Support.Kernel.Contracts;

namespace Support.Incidents.Features.Browse;

/// <summary>The incidents, latest first: open ones only, or all.</summary>
internal sealed record IncidentListQuery(bool OpenOnly) : IQuery<IReadOnlyList<IncidentRow>>;

internal sealed record IncidentRow(long Id, string Reference, string Title, IncidentSeverity Severity, IncidentState State, DateTime DeclaredAtUtc, DateTime? FirstNotifiedAtUtc, bool Late, int Companies, int Tickets);

internal sealed class IncidentListQueryHandler(IncidentsDbContext db) : IRequestHandler<IncidentListQuery, IReadOnlyList<IncidentRow>>
{
    public async Task<IReadOnlyList<IncidentRow>> Handle(IncidentListQuery request, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (request.OpenOnly)
        {
            incidents = incidents.Where(i => i.State < IncidentState.Resolved);
        }

        var rows = await incidents.OrderByDescending(i => i.DeclaredAtUtc).Take(500)
            .Select(i => new
            {
                Incident = i,
                Companies = db.AffectedCompanies.Count(c => c.IncidentId == i.Id),
                Tickets = db.LinkedTickets.Count(t => t.IncidentId == i.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new IncidentRow(r.Incident.Id, r.Incident.Reference, r.Incident.Title, r.Incident.Severity, r.Incident.State, r.Incident.DeclaredAtUtc, r.Incident.FirstNotifiedAtUtc, r.Incident.NotificationIsLate, r.Companies, r.Tickets))];
    }
}

/// <summary>Everything the incident page shows.</summary>
internal sealed record IncidentFileQuery(long IncidentId) : IQuery<IncidentFile?>;

internal sealed record IncidentFile(
    Incident Incident,
    IReadOnlyList<AffectedCompany> Companies,
    IReadOnlyList<LinkedTicket> Tickets,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<IncidentNotification> Notifications,
    IReadOnlyList<TeamMember> Team,
    IReadOnlyList<ResolutionTask> Tasks);

internal sealed class IncidentFileQueryHandler(IncidentsDbContext db) : IRequestHandler<IncidentFileQuery, IncidentFile?>
{
    public async Task<IncidentFile?> Handle(IncidentFileQuery request, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.IncidentId, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var companies = await db.AffectedCompanies.AsNoTracking().Where(c => c.IncidentId == incident.Id).OrderBy(c => c.CompanyName).ToListAsync(cancellationToken);
        var tickets = await db.LinkedTickets.AsNoTracking().Where(t => t.IncidentId == incident.Id).OrderBy(t => t.LinkedAtUtc).ToListAsync(cancellationToken);
        var timeline = await db.Timeline.AsNoTracking().Where(e => e.IncidentId == incident.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking().Include(n => n.Recipients).Where(n => n.IncidentId == incident.Id).OrderBy(n => n.SentAtUtc).ToListAsync(cancellationToken);
        var team = await db.TeamMembers.AsNoTracking().Where(m => m.IncidentId == incident.Id).OrderBy(m => m.Role).ThenBy(m => m.Team).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.IncidentId == incident.Id).OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return new IncidentFile(incident, companies, tickets, timeline, notifications, team, tasks);
    }
}

/// <summary>Whether an incident has that id.</summary>
internal sealed record IncidentExistsQuery(long IncidentId) : IQuery<bool>;

internal sealed class IncidentExistsQueryHandler(IncidentsDbContext db) : IRequestHandler<IncidentExistsQuery, bool>
{
    public Task<bool> Handle(IncidentExistsQuery request, CancellationToken cancellationToken) =>
        db.Incidents.AnyAsync(i => i.Id == request.IncidentId, cancellationToken);
}
