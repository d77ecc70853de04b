using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Ticketing.Features.CustomerTicket;
using Support.Ticketing.Portal;

namespace Support.Ticketing.Areas.Ticketing.Pages.Tickets;

/// <summary>
/// Where an emailed access link lands: a usable link starts the customer's session for its ticket
/// and sends them to the ticket view, leaving the token out of the address bar.
/// </summary>
internal sealed class AccessModel : PageModel
{
    private readonly IMediator _mediator;
    private readonly CustomerAccess _access;

    public AccessModel(IMediator mediator, CustomerAccess access)
    {
        _mediator = mediator;
        _access = access;
    }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var opened = await _mediator.Send(new OpenAccessLinkCommand(token), cancellationToken);
        if (opened is not { } grant)
        {
            return RedirectToPage("/Tickets/Status", new { area = "Ticketing", unusable = true });
        }

        _access.SignIn(HttpContext, grant.Grant, grant.ExpiresAtUtc);
        return RedirectToPage("/Tickets/View", new { area = "Ticketing" });
    }
}
