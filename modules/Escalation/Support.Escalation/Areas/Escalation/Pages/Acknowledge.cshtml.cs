using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Escalation.Features.Acknowledgement;

namespace Support.Escalation.Areas.Escalation.Pages;

/// <summary>
/// The page of an escalation contact's emailed link: it shows the escalation, and the contact's confirmation (a POST,
/// so that mail scanners following the link acknowledge nothing) uses the link up.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
internal sealed class AcknowledgeModel(IMediator mediator) : PageModel
{
    public AcknowledgementLinkView Link { get; private set; } = null!;

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Link = await mediator.Send(new AcknowledgementLinkQuery(token), cancellationToken);
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Result();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Link = await mediator.Send(new AcknowledgeByLinkCommand(token), cancellationToken);
        Done = Link.State == LinkState.Usable;
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Result();
    }

    private IActionResult Result()
    {
        if (Link.State == LinkState.Unknown)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Link.State != LinkState.Usable)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }
}
