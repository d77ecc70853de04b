using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Incidents.Domain;
using Support.Incidents.Features.Declare;
using Support.Incidents.Web;
using Support.Kernel.Staff;
using Support.Ticketing.Contracts;

namespace Support.Incidents.Areas.Incidents.Pages.Staff.Incidents;

/// <summary>Declares a major incident, from scratch or from a ticket (<c>?ticket=983177</c>).</summary>
internal sealed class DeclareModel(IMediator mediator, IStaffDirectory staff) : PageModel
{
    [BindProperty]
    public DeclareInput Input { get; set; } = new();

    public async Task OnGetAsync(int? ticket, CancellationToken cancellationToken)
    {
        if (ticket is { } number && await mediator.Send(new TicketDigestQuery(number), cancellationToken) is { } summary)
        {
            Input.TicketNumber = summary.Number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            Input.Title = summary.Subject;
            Input.Severity = summary.Severity == TicketSeverity.Critical ? IncidentSeverity.Critical : IncidentSeverity.Major;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var actorId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
            var actor = await User.CurrentNameAsync(staff, cancellationToken);
            var id = await mediator.Send(new DeclareIncidentCommand(Input.Title, Input.Description, Input.AffectedServices, Input.Impact, Input.Severity, Input.TicketNumber, actorId, actor), cancellationToken);
            return Redirect($"/Staff/Incidents/{id}");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, nameof(Input));
            return Page();
        }
    }

    /// <summary>The declaration form.</summary>
    internal sealed class DeclareInput
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? AffectedServices { get; set; }

        public string? Impact { get; set; }

        public IncidentSeverity Severity { get; set; } = IncidentSeverity.Major;

        public string? TicketNumber { get; set; }
    }
}
