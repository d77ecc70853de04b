using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.Notify;
using Support.Incidents.Web;
using Support.Kernel.Staff;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Admin.Incidents;

/// <summary>Admins reword the notification templates (first notification, update, resolution; French and English) or reset them.</summary>
internal sealed class TemplatesModel(IMediator mediator, IStaffDirectory staff) : PageModel
{
    public IReadOnlyList<TemplateText> Templates { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Templates = await mediator.Send(new NotificationTemplatesQuery(), cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new SaveTemplateCommand(Key ?? "", Language ?? "", Subject, Body, await User.CurrentNameAsync(staff, cancellationToken)), cancellationToken);
            Notice = "saved";
            return Redirect("/Staff/Admin/Incidents/Templates");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            Templates = await mediator.Send(new NotificationTemplatesQuery(), cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ResetTemplateCommand(Key ?? "", Language ?? ""), cancellationToken);
        Notice = "saved";
        return Redirect("/Staff/Admin/Incidents/Templates");
    }
}
