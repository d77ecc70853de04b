using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Ticketing.Features.Sla;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Reports;

/// <summary>SLA compliance per month and severity, with response and resolution times; also as CSV.</summary>
internal sealed class SlaModel(IMediator mediator, TimeProvider clock, IStringLocalizer<TicketingResource> t) : PageModel
{
    /// <summary>The first month, as <c>yyyy-MM</c> (the month input's format).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<SlaReportRow> Rows { get; private set; } = [];

    /// <summary>The chart's figures for <c>reports.js</c>: months, and per severity the share of targets met.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Query();
        Rows = await mediator.Send(query, cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var months = new List<DateOnly>();
        for (var month = query.FromMonth; month <= query.ToMonth; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        ChartJson = System.Text.Json.JsonSerializer.Serialize(new
        {
            labels = months.Select(m => m.ToString("Y", culture)),
            axis = t["Met (%)"].Value,
            max = 100,
            datasets = Enum.GetValues<Contracts.TicketSeverity>().Reverse()
                .Where(severity => Rows.Any(r => r.Severity == severity))
                .Select(severity => new
                {
                    label = Web.Labels.Severity(t, severity),
                    data = months.Select(m => Rows.FirstOrDefault(r => r.Severity == severity && r.Year == m.Year && r.Month == m.Month)?.PercentMet is { } percent ? Math.Round(percent, 1) : (double?)null),
                }),
        });
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var query = Query();
        var rows = await mediator.Send(query, cancellationToken);
        var name = $"sla-{query.FromMonth:yyyy-MM}-{query.ToMonth:yyyy-MM}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SlaReportCsv.Write(rows))).ToArray(), "text/csv; charset=utf-8", name);
    }

    private SlaReportQuery Query()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var to = ParseMonth(To) ?? thisMonth;
        var from = ParseMonth(From) ?? to.AddMonths(-2);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        From = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        To = to.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new SlaReportQuery(from, to);
    }

    private static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
