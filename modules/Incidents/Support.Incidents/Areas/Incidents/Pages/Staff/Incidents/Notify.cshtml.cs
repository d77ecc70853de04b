using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Features.Browse;
using Support.Incidents.Features.Notify;
using Support.Incidents.Web;
using Support.Kernel.Staff;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>The notification composer: a template (French or English) filled from the incident, edited, sent to every contact of every impacted company.</summary>
internal sealed class NotifyModel(IMediator mediator, IStaffDirectory staff) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Template { get; set; } = "initial";

    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "fr";

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public IncidentFile Current { get; private set; } = null!;

    public IReadOnlyList<CompanyContact> Recipients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!NotificationTemplates.Keys.Contains(Template))
        {
            Template = Current.Notifications.Count == 0 ? "initial" : "update";
        }

        var language = Language == "en" ? "en" : "fr";
        var template = (await mediator.Send(new NotificationTemplatesQuery(), cancellationToken)).Single(t => t.Key == Template && t.Language == language);
        (Subject, Body) = NotificationTemplates.Fill((template.Subject, template.Body), language, Current.Incident);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new SendNotificationCommand(Id, Subject, Body, await User.CurrentNameAsync(staff, cancellationToken)), cancellationToken);
            TempData["Notice"] = "notified";
            return Redirect($"/Staff/Incidents/{Id}");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new IncidentFileQuery(Id), cancellationToken) is not { } file)
        {
            return false;
        }

        Current = file;
        Recipients = await mediator.Send(new NotificationRecipientsQuery(Id), cancellationToken);
        return true;
    }
}
