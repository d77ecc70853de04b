using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Support.Incidents.Features.StatusPage;
using Support.Incidents.Web;

namespace Support.Incidents.Areas.Incidents.Pages.Status;

/// <summary>The public status page: current incidents and recent history per service, with the published updates; email subscription.</summary>
[EnableRateLimiting(IncidentsModule.SubscribePolicy)]
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [TempData]
    public bool Subscribed { get; set; }

    public IReadOnlyList<PublicIncident> Incidents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Incidents = await mediator.Send(new StatusPageQuery(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new SubscribeCommand(Email), cancellationToken);
            Subscribed = true;
            return RedirectToPage();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            Incidents = await mediator.Send(new StatusPageQuery(), cancellationToken);
            return Page();
        }
    }
}
