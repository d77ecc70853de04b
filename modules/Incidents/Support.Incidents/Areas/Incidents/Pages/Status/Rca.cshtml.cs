using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Support.Incidents.Features.Rca;
using Support.Incidents.Web;

namespace Support.Incidents.Areas.Incidents.Pages.Status;

/// <summary>
/// A customer asks for the RCA report of a resolved incident shown on the status page. The page answers the same
/// whoever asks; the answer (acknowledgement or refusal) goes to the address.
/// </summary>
[EnableRateLimiting(IncidentsModule.RcaRequestPolicy)]
internal sealed class RcaModel(IMediator mediator) : PageModel
{
    [FromRoute]
    public long Id { get; set; }

    public RequestableIncident? Incident { get; private set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [TempData]
    public bool Requested { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
            await mediator.Send(new RequestRcaCommand(Id, Input.Email, Input.TicketNumber, Input.Message, language), cancellationToken);
            Requested = true;
            return Redirect($"/status/{Id}/rca");
        }
        catch (ValidationException exception)
        {
            ModelState.AddValidationErrors(exception, "");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken) =>
        (Incident = await mediator.Send(new RequestableIncidentQuery(Id), cancellationToken)) is not null;

    /// <summary>The request form.</summary>
    internal sealed class RequestInput
    {
        public string? Email { get; set; }

        public string? TicketNumber { get; set; }

        public string? Message { get; set; }
    }
}
