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
    /// <summary>
    /// One pass over the range's tickets (through the <c>CreatedAtUtc</c> index), grouped by month and severity in
    /// SQLite; the 90th percentiles by the nearest-rank method (rank ⌈0.9 n⌉, written <c>(9 n + 9) / 10</c> in
    /// integers) from window functions, so that no ticket is read into memory.
    /// </summary>
    private const string Sql = """
        WITH t AS (
            SELECT CAST(strftime('%Y', CreatedAtUtc) AS INTEGER) AS Year, CAST(strftime('%m', CreatedAtUtc) AS INTEGER) AS Month, Severity,
                   FirstResponseMet, ResolutionMet, NextResponsesMet, NextResponsesBreached,
                   (julianday(FirstAgentReplyAtUtc) - julianday(CreatedAtUtc)) * 86400.0 AS FirstResponse,
                   (julianday(ClosedAtUtc) - julianday(CreatedAtUtc)) * 86400.0 AS Resolution
            FROM ticketing_ticket
            WHERE CreatedAtUtc >= {0} AND CreatedAtUtc < {1}),
        f AS (
            SELECT Year, Month, Severity, FirstResponse AS Seconds,
                   ROW_NUMBER() OVER (PARTITION BY Year, Month, Severity ORDER BY FirstResponse) AS Rank,
                   COUNT(*) OVER (PARTITION BY Year, Month, Severity) AS Total
            FROM t WHERE FirstResponse IS NOT NULL),
        r AS (
            SELECT Year, Month, Severity, Resolution AS Seconds,
                   ROW_NUMBER() OVER (PARTITION BY Year, Month, Severity ORDER BY Resolution) AS Rank,
                   COUNT(*) OVER (PARTITION BY Year, Month, Severity) AS Total
            FROM t WHERE Resolution IS NOT NULL)
        SELECT t.Year, t.Month, t.Severity, COUNT(*) AS Tickets,
               COALESCE(SUM(t.FirstResponseMet = 1), 0) AS FirstResponseMet, COALESCE(SUM(t.FirstResponseMet = 0), 0) AS FirstResponseBreached,
               SUM(t.NextResponsesMet) AS NextResponsesMet, SUM(t.NextResponsesBreached) AS NextResponsesBreached,
               COALESCE(SUM(t.ResolutionMet = 1), 0) AS ResolutionMet, COALESCE(SUM(t.ResolutionMet = 0), 0) AS ResolutionBreached,
               AVG(t.FirstResponse) AS MeanFirstResponse,
               (SELECT f.Seconds FROM f WHERE f.Year = t.Year AND f.Month = t.Month AND f.Severity = t.Severity AND f.Rank = (9 * f.Total + 9) / 10) AS P90FirstResponse,
               AVG(t.Resolution) AS MeanResolution,
               (SELECT r.Seconds FROM r WHERE r.Year = t.Year AND r.Month = t.Month AND r.Severity = t.Severity AND r.Rank = (9 * r.Total + 9) / 10) AS P90Resolution
        FROM t
        GROUP BY t.Year, t.Month, t.Severity
        """;

    public async Task<IReadOnlyList<SlaReportRow>> Handle(SlaReportQuery request, CancellationToken cancellationToken)
    {
        var from = new DateTime(request.FromMonth.Year, request.FromMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(request.ToMonth.Year, request.ToMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        var groups = await db.Database.SqlQueryRaw<SlaReportGroup>(Sql, from, to).ToListAsync(cancellationToken);
        return [.. groups
            .OrderBy(g => g.Year).ThenBy(g => g.Month).ThenByDescending(g => g.Severity)
            .Select(g => new SlaReportRow(
                g.Year, g.Month, (TicketSeverity)g.Severity, g.Tickets,
                g.FirstResponseMet, g.FirstResponseBreached, g.NextResponsesMet, g.NextResponsesBreached, g.ResolutionMet, g.ResolutionBreached,
                Time(g.MeanFirstResponse), Time(g.P90FirstResponse), Time(g.MeanResolution), Time(g.P90Resolution)))];
    }

    /// <summary>Seconds from SQLite's Julian-day arithmetic, to the nearest second.</summary>
    private static TimeSpan? Time(double? seconds) => seconds is { } value ? TimeSpan.FromSeconds(Math.Round(value)) : null;

    /// <summary>A row of <see cref="Sql"/>.</summary>
    private sealed class SlaReportGroup
    {
        public int Year { get; set; }

        public int Month { get; set; }

        public int Severity { get; set; }

        public int Tickets { get; set; }

        public int FirstResponseMet { get; set; }

        public int FirstResponseBreached { get; set; }

        public int NextResponsesMet { get; set; }

        public int NextResponsesBreached { get; set; }

        public int ResolutionMet { get; set; }

        public int ResolutionBreached { get; set; }

        public double? MeanFirstResponse { get; set; }

        public double? P90FirstResponse { get; set; }

        public double? MeanResolution { get; set; }

        public double? P90Resolution { get; set; }
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
