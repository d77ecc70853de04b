using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Escalation.Data;
using Support.Escalation.Domain;
using Support.Kernel.Contracts;

namespace Support.Escalation.Features.Report;

/// <summary>Escalations per month of opening, from <paramref name="FromUtc"/> (included) to <paramref name="ToUtc"/> (excluded).</summary>
internal sealed record EscalationReportQuery(DateTime FromUtc, DateTime ToUtc) : IQuery<IReadOnlyList<EscalationMonth>>;

/// <summary>
/// One month: escalations up the contact chain by reason, by region and by the level they reached, how many were
/// acknowledged and how long that took (mean and longest), and hand-offs to each expert team.
/// </summary>
internal sealed record EscalationMonth(
    DateOnly Month,
    int Escalations,
    int CustomerRequests,
    int SlaBreaches,
    IReadOnlyDictionary<Region, int> ByRegion,
    IReadOnlyDictionary<int, int> ByLevel,
    int Acknowledged,
    TimeSpan? MeanTimeToAcknowledge,
    TimeSpan? LongestTimeToAcknowledge,
    IReadOnlyDictionary<ExpertTeam, int> HandOffs);

internal sealed class EscalationReportQueryHandler(EscalationDbContext db) : IRequestHandler<EscalationReportQuery, IReadOnlyList<EscalationMonth>>
{
    public async Task<IReadOnlyList<EscalationMonth>> Handle(EscalationReportQuery request, CancellationToken cancellationToken)
    {
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.OpenedAtUtc >= request.FromUtc && e.OpenedAtUtc < request.ToUtc)
            .Select(e => new { e.OpenedAtUtc, e.Source, e.Region, e.Level, e.AcknowledgedAtUtc })
            .ToListAsync(cancellationToken);
        var handOffs = await db.HandOffs.AsNoTracking()
            .Where(h => h.AtUtc >= request.FromUtc && h.AtUtc < request.ToUtc)
            .Select(h => new { h.AtUtc, h.Team })
            .ToListAsync(cancellationToken);
        static DateOnly MonthOf(DateTime utc) => new(utc.Year, utc.Month, 1);
        var months = escalations.Select(e => MonthOf(e.OpenedAtUtc)).Concat(handOffs.Select(h => MonthOf(h.AtUtc))).Distinct().OrderDescending();
        return [.. months.Select(month =>
        {
            var those = escalations.Where(e => MonthOf(e.OpenedAtUtc) == month).ToList();
            var waits = those.Where(e => e.AcknowledgedAtUtc is not null).Select(e => e.AcknowledgedAtUtc!.Value - e.OpenedAtUtc).ToList();
            return new EscalationMonth(
                month,
                those.Count,
                those.Count(e => e.Source == EscalationSource.CustomerRequest),
                those.Count(e => e.Source == EscalationSource.SlaBreach),
                those.GroupBy(e => e.Region).ToDictionary(g => g.Key, g => g.Count()),
                those.GroupBy(e => e.Level).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                waits.Count,
                waits.Count == 0 ? null : TimeSpan.FromTicks((long)waits.Average(w => w.Ticks)),
                waits.Count == 0 ? null : waits.Max(),
                handOffs.Where(h => MonthOf(h.AtUtc) == month).GroupBy(h => h.Team).ToDictionary(g => g.Key, g => g.Count()));
        })];
    }
}

/// <summary>The report as CSV (invariant numbers, minutes), one line per month, a column per level of the chain reached; the regions last.</summary>
internal static class EscalationReportCsv
{
    public static string Write(IReadOnlyList<EscalationMonth> months)
    {
        var levels = months.SelectMany(m => m.ByLevel.Keys).Distinct().Order().ToList();
        var csv = new System.Text.StringBuilder("month,escalations,customer_requests,sla_breaches,");
        foreach (var level in levels)
        {
            csv.Append(CultureInfo.InvariantCulture, $"reached_level_{level},");
        }

        csv.Append("acknowledged,mean_minutes_to_acknowledge,longest_minutes_to_acknowledge,hand_offs_development,hand_offs_it_operations,hand_offs_management,escalations_europe,escalations_north_america\r\n");
        foreach (var month in months)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{month.Month:yyyy-MM},{month.Escalations},{month.CustomerRequests},{month.SlaBreaches},");
            foreach (var level in levels)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{month.ByLevel.GetValueOrDefault(level)},");
            }

            csv.Append(CultureInfo.InvariantCulture, $"{month.Acknowledged},{Minutes(month.MeanTimeToAcknowledge)},{Minutes(month.LongestTimeToAcknowledge)},")
                .Append(CultureInfo.InvariantCulture, $"{month.HandOffs.GetValueOrDefault(ExpertTeam.Development)},{month.HandOffs.GetValueOrDefault(ExpertTeam.ItOperations)},{month.HandOffs.GetValueOrDefault(ExpertTeam.Management)},")
                .Append(CultureInfo.InvariantCulture, $"{month.ByRegion.GetValueOrDefault(Region.Europe)},{month.ByRegion.GetValueOrDefault(Region.NorthAmerica)}\r\n");
        }

        return csv.ToString();
    }

    private static string Minutes(TimeSpan? value) => value?.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
