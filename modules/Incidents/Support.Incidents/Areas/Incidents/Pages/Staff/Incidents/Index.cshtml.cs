using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.Browse;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>The major incidents: open ones first, or all of them.</summary>
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Incidents = await mediator.Send(new IncidentListQuery(!All), cancellationToken);
}
