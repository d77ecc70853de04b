using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Contracts;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;

namespace Support.Ticketing.Features.Sla;

/// <summary>SLA compliance of the tickets opened between two months (inclusive), per month and severity.</summary>
internal sealed record SlaReportQuery(DateOnly FromMonth, DateOnly ToMonth) : IQuery<IReadOnlyList<SlaReportRow>>;

/// <summary>
/// One month and severity: the tickets opened, how many first responses, next responses and resolutions met
/// their target or not, and the mean and 90th percentile of the time to first response and to resolution
/// (wall-clock time, null when none).
/// </summary>
internal sealed record SlaReportRow(
    int Year,
    int Month,
    TicketSeverity Severity,
    int Tickets,
    int FirstResponseMet,
    int FirstResponseBreached,
    int NextResponsesMet,
    int NextResponsesBreached,
    int ResolutionMet,
    int ResolutionBreached,
    TimeSpan? MeanFirstResponse,
    TimeSpan? P90FirstResponse,
    TimeSpan? MeanResolution,
    TimeSpan? P90Resolution)
{
    public int Met => FirstResponseMet + NextResponsesMet + ResolutionMet;

    public int Breached => FirstResponseBreached + NextResponsesBreached + ResolutionBreached;

    /// <summary>The share of targets met among those that ended, in percent; null when none ended.</summary>
    public double? PercentMet => Met + Breached == 0 ? null : 100.0 * Met / (Met + Breached);

    public static double? Percent(int met, int breached) => met + breached == 0 ? null : 100.0 * met / (met + breached);
}

internal sealed class SlaReportQueryHandler(TicketingDbContext db) : IRequestHandler<SlaReportQuery, IReadOnlyList<SlaReportRow>>
{
    public async Task<IReadOnlyList<SlaReportRow>> Handle(SlaReportQuery request, CancellationToken cancellationToken)
    {
        var from = new DateTime(request.FromMonth.Year, request.FromMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(request.ToMonth.Year, request.ToMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.CreatedAtUtc >= from && t.CreatedAtUtc < to)
            .Select(t => new
            {
                t.CreatedAtUtc,
                t.Severity,
                t.FirstAgentReplyAtUtc,
                t.ClosedAtUtc,
                t.FirstResponseMet,
                t.ResolutionMet,
                t.NextResponsesMet,
                t.NextResponsesBreached,
            })
            .ToListAsync(cancellationToken);
        return [.. tickets
            .GroupBy(t => (t.CreatedAtUtc.Year, t.CreatedAtUtc.Month, t.Severity))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month).ThenByDescending(g => g.Key.Severity)
            .Select(g =>
            {
                var firstResponses = g.Where(t => t.FirstAgentReplyAtUtc is not null).Select(t => t.FirstAgentReplyAtUtc!.Value - t.CreatedAtUtc).ToList();
                var resolutions = g.Where(t => t.ClosedAtUtc is not null).Select(t => t.ClosedAtUtc!.Value - t.CreatedAtUtc).ToList();
                return new SlaReportRow(
                    g.Key.Year, g.Key.Month, g.Key.Severity, g.Count(),
                    g.Count(t => t.FirstResponseMet == true), g.Count(t => t.FirstResponseMet == false),
                    g.Sum(t => t.NextResponsesMet), g.Sum(t => t.NextResponsesBreached),
                    g.Count(t => t.ResolutionMet == true), g.Count(t => t.ResolutionMet == false),
                    Mean(firstResponses), Percentile90(firstResponses), Mean(resolutions), Percentile90(resolutions));
            })];
    }

    private static TimeSpan? Mean(List<TimeSpan> values) =>
        values.Count == 0 ? null : TimeSpan.FromTicks((long)values.Average(v => (double)v.Ticks));

    /// <summary>The 90th percentile by the nearest-rank method: the smallest value at least 90 % of the values do not exceed.</summary>
    public static TimeSpan? Percentile90(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        return values[(int)Math.Ceiling(0.9 * values.Count) - 1];
    }
}

/// <summary>The SLA report as CSV (RFC 4180): one line per month and severity, times in minutes.</summary>
internal static class SlaReportCsv
{
    public static string Write(IEnumerable<SlaReportRow> rows)
    {
        var csv = new StringBuilder("month,severity,tickets,first_response_met,first_response_breached,next_response_met,next_response_breached,resolution_met,resolution_breached,percent_met,first_response_mean_minutes,first_response_p90_minutes,resolution_mean_minutes,resolution_p90_minutes\r\n");
        foreach (var row in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row.Year:D4}-{row.Month:D2},{row.Severity},{row.Tickets},{row.FirstResponseMet},{row.FirstResponseBreached},{row.NextResponsesMet},{row.NextResponsesBreached},{row.ResolutionMet},{row.ResolutionBreached},")
                .Append(Number(row.PercentMet)).Append(',')
                .Append(Number(row.MeanFirstResponse?.TotalMinutes)).Append(',')
                .Append(Number(row.P90FirstResponse?.TotalMinutes)).Append(',')
                .Append(Number(row.MeanResolution?.TotalMinutes)).Append(',')
                .Append(Number(row.P90Resolution?.TotalMinutes))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
