using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Escalation.Features.CustomerRequests;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Areas.Escalation.Pages.Tickets;

/// <summary>
/// Receives the customer's escalation and reclassification requests from the ticket view (the customer's session is
/// the access-link cookie Ticketing checks) and returns to it.
/// </summary>
internal sealed class EscalationModel(IMediator mediator) : PageModel
{
    private const string View = "/tickets/view";

    [TempData(Key = "EscalationNotice")]
    public string? Notice { get; set; }

    [TempData(Key = "EscalationError")]
    public string? Error { get; set; }

    [TempData(Key = "EscalationErrorForm")]
    public string? ErrorForm { get; set; }

    [TempData(Key = "EscalationReason")]
    public string? KeptReason { get; set; }

    [TempData(Key = "EscalationJustification")]
    public string? KeptJustification { get; set; }

    public IActionResult OnGet() => Redirect(View);

    public async Task<IActionResult> OnPostEscalateAsync(string? reason, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new CustomerSessionTicketQuery(), cancellationToken) is not { } ticket)
        {
            return RedirectToStatus();
        }

        try
        {
            await mediator.Send(new RequestEscalationCommand(ticket.TicketId, reason), cancellationToken);
            Notice = "escalation";
        }
        catch (ValidationException exception)
        {
            (Error, ErrorForm, KeptReason) = (string.Join(" ", exception.Errors.Select(e => e.ErrorMessage)), "escalate", reason);
        }

        return Redirect(View + "#escalation");
    }

    public async Task<IActionResult> OnPostReclassifyAsync(string? wantedSeverity, string? justification, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new CustomerSessionTicketQuery(), cancellationToken) is not { } ticket)
        {
            return RedirectToStatus();
        }

        try
        {
            TicketSeverity? wanted = Enum.TryParse<TicketSeverity>(wantedSeverity, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
            await mediator.Send(new RequestReclassificationCommand(ticket.TicketId, wanted, justification), cancellationToken);
            Notice = "reclassification";
        }
        catch (ValidationException exception)
        {
            (Error, ErrorForm, KeptJustification) = (string.Join(" ", exception.Errors.Select(e => e.ErrorMessage)), "reclassify", justification);
        }

        return Redirect(View + "#escalation");
    }

    private RedirectResult RedirectToStatus() => Redirect("/tickets/status?unusable=True");
}
