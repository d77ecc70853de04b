using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Escalation.Features.Report;

namespace Support.Escalation.Areas.Escalation.Pages.Staff.Reports;

/// <summary>Escalations per month: by reason and level reached, time to acknowledge, hand-offs per expert team.</summary>
internal sealed class EscalationsModel(IMediator mediator, TimeProvider clock) : PageModel
{
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public IReadOnlyList<EscalationMonth> Months { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Months = await mediator.Send(Query(from, to), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var months = await mediator.Send(Query(from, to), cancellationToken);
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EscalationReportCsv.Write(months))).ToArray();
        return File(csv, "text/csv; charset=utf-8", $"escalations-{From:yyyy-MM-dd}-{To:yyyy-MM-dd}.csv");
    }

    private EscalationReportQuery Query(DateOnly? from, DateOnly? to)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        To = to ?? today;
        From = from ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        if (From > To)
        {
            (From, To) = (To, From);
        }

        return new EscalationReportQuery(From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }
}
