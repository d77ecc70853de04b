using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Incidents.Data;
using Support.Kernel.Contracts;

namespace Support.Incidents.Features.Metrics;

/// <summary>
/// How major incidents were handled over the last twelve months: time to notify the customers (against the
/// 30-minute limit), time to resolve, incidents per month, and the post-mortems' open action items.
/// </summary>
internal sealed record IncidentMetrics(
    DateTime SinceUtc,
    IReadOnlyList<IncidentTimes> Incidents,
    TimeSpan? MedianTimeToNotify,
    TimeSpan? MedianTimeToResolve,
    IReadOnlyList<MonthCount> PerMonth,
    IReadOnlyList<OpenActionItem> OpenActions,
    DateOnly Today)
{
    /// <summary>PRODUCT.md: the impacted customers are notified in writing at most 30 minutes after the impact was determined.</summary>
    public static readonly TimeSpan NotificationLimit = TimeSpan.FromMinutes(30);

    public int OverdueActions => OpenActions.Count(a => a.DueOn < Today);
}

/// <summary>One incident's times; the time to notify runs on while the impact is determined and nobody was notified.</summary>
internal sealed record IncidentTimes(long Id, string Reference, string Title, DateTime DeclaredAtUtc, TimeSpan? TimeToNotify, bool NotNotifiedYet, TimeSpan? TimeToResolve)
{
    public bool NotifiedLate => TimeToNotify > IncidentMetrics.NotificationLimit;
}

/// <summary>How many incidents were declared in a month.</summary>
internal sealed record MonthCount(int Year, int Month, int Count);

/// <summary>An action item of a post-mortem not done yet.</summary>
internal sealed record OpenActionItem(long IncidentId, string Reference, string Title, string OwnerName, DateOnly DueOn);

/// <summary>The incident metrics as of now.</summary>
internal sealed record IncidentMetricsQuery : IQuery<IncidentMetrics>;

internal sealed class IncidentMetricsQueryHandler(IncidentsDbContext db, TimeProvider clock) : IRequestHandler<IncidentMetricsQuery, IncidentMetrics>
{
    public async Task<IncidentMetrics> Handle(IncidentMetricsQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var firstMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.DeclaredAtUtc >= firstMonth)
            .OrderByDescending(i => i.DeclaredAtUtc)
            .Select(i => new { i.Id, i.Title, i.DeclaredAtUtc, i.ImpactDeterminedAtUtc, i.FirstNotifiedAtUtc, i.ResolvedAtUtc })
            .ToListAsync(cancellationToken);
        var times = incidents.Select(i => new IncidentTimes(
            i.Id,
            $"INC-{i.Id:D4}",
            i.Title,
            i.DeclaredAtUtc,
            i.ImpactDeterminedAtUtc is { } determined ? (i.FirstNotifiedAtUtc ?? now) - determined : null,
            i.ImpactDeterminedAtUtc is not null && i.FirstNotifiedAtUtc is null,
            i.ResolvedAtUtc - i.DeclaredAtUtc)).ToList();
        var perMonth = Enumerable.Range(0, 12)
            .Select(m => firstMonth.AddMonths(m))
            .Select(month => new MonthCount(month.Year, month.Month, incidents.Count(i => i.DeclaredAtUtc.Year == month.Year && i.DeclaredAtUtc.Month == month.Month)))
            .ToList();
        var open = await db.ActionItems.AsNoTracking()
            .Where(a => a.DoneAtUtc == null)
            .Join(db.Incidents, a => a.IncidentId, i => i.Id, (a, i) => new { a.IncidentId, a.Title, a.OwnerName, a.DueOn })
            .OrderBy(a => a.DueOn).ThenBy(a => a.IncidentId)
            .Take(500)
            .ToListAsync(cancellationToken);
        return new IncidentMetrics(
            firstMonth,
            times,
            Median(times.Where(t => !t.NotNotifiedYet && t.TimeToNotify is not null).Select(t => t.TimeToNotify!.Value)),
            Median(times.Where(t => t.TimeToResolve is not null).Select(t => t.TimeToResolve!.Value)),
            perMonth,
            [.. open.Select(a => new OpenActionItem(a.IncidentId, $"INC-{a.IncidentId:D4}", a.Title, a.OwnerName, a.DueOn))],
            DateOnly.FromDateTime(now));
    }

    private static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
