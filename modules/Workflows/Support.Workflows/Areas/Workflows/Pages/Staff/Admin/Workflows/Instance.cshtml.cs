using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Workflows.Features.Instances;

namespace Support.Workflows.Areas.Workflows.Pages.Staff.Admin.Workflows;

/// <summary>One instance: what it waits for, its variables, incidents and journal; cancel it or retry it after a fault.</summary>
internal sealed class InstanceModel(IMediator mediator) : PageModel
{
    public InstanceDetails Details { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var details = await mediator.Send(new InstanceQuery(id), cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken)
    {
        await mediator.Send(new CancelInstanceCommand(id), cancellationToken);
        Notice = "cancelled";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRetryAsync(string id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RetryInstanceCommand(id), cancellationToken);
        Notice = "retried";
        return RedirectToPage(new { id });
    }
}
