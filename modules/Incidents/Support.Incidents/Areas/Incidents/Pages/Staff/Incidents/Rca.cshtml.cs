using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Support.Incidents.Features.Rca;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>The RCA report of an incident as a printable page, and its PDF download.</summary>
internal sealed class RcaModel(IMediator mediator, IStringLocalizer<IncidentsResource> t, TimeProvider clock) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    /// <summary>The report; null while the incident has no post-mortem.</summary>
    public RcaReport? Report { get; private set; }

    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await mediator.Send(new Features.Browse.IncidentExistsQuery(Id), cancellationToken))
        {
            return NotFound();
        }

        Report = await mediator.Send(new RcaReportQuery(Id), cancellationToken);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new RcaReportQuery(Id), cancellationToken) is not { } report)
        {
            return NotFound();
        }

        var pdf = RcaPdf.Render(report, t, CultureInfo.CurrentUICulture, clock.GetUtcNow().UtcDateTime);
        return File(pdf, RcaPdf.ContentType, report.FileName);
    }
}
