using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Workflows.Calendars;
using Support.Workflows.Features.Calendars;

namespace Support.Workflows.Areas.Workflows.Pages.Staff.Admin.Workflows;

/// <summary>The business calendars: their time zone, weekly hours and holidays; a form to edit one or add one.</summary>
internal sealed class CalendarsModel(IMediator mediator, StoredCalendarCache cache) : PageModel
{
    public IReadOnlyList<CalendarRow> Calendars { get; private set; } = [];

    [BindProperty]
    public CalendarForm Calendar { get; set; } = new() { TimeZone = "Europe/Paris" };

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(name))
        {
            if (await mediator.Send(new CalendarFormQuery(name), cancellationToken) is not { } form)
            {
                return NotFound();
            }

            Calendar = form;
        }

        Calendars = await mediator.Send(new CalendarListQuery(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Saved = await mediator.Send(new SaveCalendarCommand(Calendar), cancellationToken);

            // After the commit (the command's unit of work), so that no read of the old calendars is kept.
            cache.Invalidate();
            return RedirectToPage(new { name = Saved });
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception);
            Calendars = await mediator.Send(new CalendarListQuery(), cancellationToken);
            return Page();
        }
    }
}
