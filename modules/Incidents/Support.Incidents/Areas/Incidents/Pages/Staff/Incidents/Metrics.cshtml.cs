using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.Metrics;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>The incident metrics: time to notify, time to resolve, incidents per month, open action items.</summary>
internal sealed class MetricsModel(IMediator mediator) : PageModel
{
    public IncidentMetrics Metrics { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Metrics = await mediator.Send(new IncidentMetricsQuery(), cancellationToken);
}
