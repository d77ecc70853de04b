using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.StatusPage;

namespace Support.Incidents.Areas.Incidents.Pages.Status;

/// <summary>Ends a subscription to the status page from the link in each announcement.</summary>
internal sealed class UnsubscribeModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public bool? Unsubscribed { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Unsubscribed = await mediator.Send(new UnsubscribeCommand(Token), cancellationToken);
}
