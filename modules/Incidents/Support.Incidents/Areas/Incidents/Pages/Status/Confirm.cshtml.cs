using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.StatusPage;

namespace Support.Incidents.Areas.Incidents.Pages.Status;

/// <summary>Confirms a subscription to the status page from the emailed link; the button (a POST) keeps mail scanners from confirming.</summary>
internal sealed class ConfirmModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public bool? Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Confirmed = await mediator.Send(new ConfirmSubscriptionCommand(Token), cancellationToken);
}
