using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Support.Ticketing.Features.CheckStatus;
using Support.Ticketing.Web;

namespace Support.Ticketing.Areas.Ticketing.Pages.Tickets;

/// <summary>"Check ticket status": the customer asks for an access link by email.</summary>
[EnableRateLimiting(TicketingModule.StatusLookupPolicy)]
internal sealed class StatusModel : PageModel
{
    private readonly IMediator _mediator;

    public StatusModel(IMediator mediator) => _mediator = mediator;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    public bool Sent { get; private set; }

    public bool SignedOut { get; private set; }

    public bool LinkUnusable { get; private set; }

    public void OnGet(bool signedOut = false, bool unusable = false)
    {
        SignedOut = signedOut;
        LinkUnusable = unusable;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _mediator.Send(new RequestAccessLinkCommand(Email, Number), cancellationToken);
            Sent = true;
            return Page();
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return Page();
        }
    }
}
