using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Escalation.Domain;
using Support.Escalation.Features.AgentActions;
using Support.Escalation.Web;
using Support.Kernel.Staff;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Areas.Escalation.Pages.Staff.Tickets;

/// <summary>Receives the escalation forms of the agent's ticket page (acknowledge, hand off, decide a reclassification) and returns to it.</summary>
internal sealed class EscalationModel(IMediator mediator, IStaffDirectory staff) : PageModel
{
    [TempData(Key = "EscalationNotice")]
    public string? Notice { get; set; }

    [TempData(Key = "EscalationError")]
    public string? Error { get; set; }

    [TempData(Key = "EscalationNote")]
    public string? KeptNote { get; set; }

    public IActionResult OnGet(int number) => Redirect($"/Staff/Tickets/{number}");

    public Task<IActionResult> OnPostAcknowledgeAsync(int number, CancellationToken cancellationToken) =>
        RunAsync(number, "acknowledged", async (ticket, agent) => await mediator.Send(new AcknowledgeEscalationCommand(ticket.TicketId, agent), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostHandOffAsync(int number, string? team, string? note, CancellationToken cancellationToken)
    {
        KeptNote = note;
        ExpertTeam? chosen = Enum.TryParse<ExpertTeam>(team, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return RunAsync(number, "handedOff", (ticket, agent) => mediator.Send(new HandOffCommand(ticket.TicketId, chosen, note, agent), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostAcceptAsync(int number, long request, CancellationToken cancellationToken) =>
        RunAsync(number, "accepted", (ticket, agent) => mediator.Send(new DecideReclassificationCommand(ticket.TicketId, request, true, null, agent), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int number, long request, string? reason, CancellationToken cancellationToken) =>
        RunAsync(number, "declined", (ticket, agent) => mediator.Send(new DecideReclassificationCommand(ticket.TicketId, request, false, reason, agent), cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync<T>(int number, string notice, Func<TicketSummary, StaffActor, Task<T>> action, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new TicketSummaryQuery(Number: number), cancellationToken) is not { } ticket)
        {
            return NotFound();
        }

        try
        {
            await action(ticket, await StaffActor.CurrentAsync(User, staff, cancellationToken));
            Notice = notice;
            KeptNote = null;
        }
        catch (ValidationException exception)
        {
            Error = string.Join(" ", exception.Errors.Select(e => e.ErrorMessage));
        }

        return Redirect($"/Staff/Tickets/{number}#escalation");
    }
}
