using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Ticketing.Features.TimeAccounting;

namespace Support.Ticketing.Areas.Ticketing.Pages.Staff.Reports;

/// <summary>Time per company and month, with billable totals; also as CSV.</summary>
internal sealed class TimeModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly TimeProvider _clock;

    public TimeModel(IMediator mediator, TimeProvider clock)
    {
        _mediator = mediator;
        _clock = clock;
    }

    /// <summary>The first month, as <c>yyyy-MM</c> (the month input's format).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<TimeReportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await _mediator.Send(Query(), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var query = Query();
        var rows = await _mediator.Send(query, cancellationToken);
        var name = $"time-{query.FromMonth:yyyy-MM}-{query.ToMonth:yyyy-MM}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TimeReportCsv.Write(rows))).ToArray(), "text/csv; charset=utf-8", name);
    }

    private TimeReportQuery Query()
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var to = ParseMonth(To) ?? thisMonth;
        var from = ParseMonth(From) ?? to.AddMonths(-2);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        From = from.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        To = to.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return new TimeReportQuery(from, to);
    }

    private static DateOnly? ParseMonth(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var month) ? month : null;
}
