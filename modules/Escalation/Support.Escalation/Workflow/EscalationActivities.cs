using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Support.Escalation.Data;
using Support.Escalation.Domain;
using Support.Escalation.Notifications;
using Support.Ticketing.Contracts;
using Support.Workflows.Contracts;

namespace Support.Escalation.Workflow;

/// <summary>What the escalation activities share: their palette group, the instance's ticket and its open escalation.</summary>
internal static class EscalationActivity
{
    public const string Category = "Escalation";
    public const string RequestedEvent = "Escalation.EscalationRequested";
    public const string AcknowledgedEvent = "Escalation.EscalationAcknowledged";
    public const string SlaBreachedEvent = "Ticketing.SlaBreached";

    public static long TicketId(IActivityContext context) =>
        long.TryParse(context.CorrelationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException("The instance is not about a ticket (its correlation id is not a ticket id).");

    /// <summary>The ticket's latest escalation that nobody acknowledged and whose chain is not exhausted, or null.</summary>
    public static Task<TicketEscalation?> OpenEscalationAsync(EscalationDbContext db, long ticketId, CancellationToken cancellationToken) =>
        db.Escalations.Where(e => e.TicketId == ticketId && e.Status == EscalationStatus.Open).OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The stimulus that started or last resumed the instance, e.g. <c>Ticketing.SlaBreached</c>.</summary>
    public static string? EventName(IActivityContext context, string field = "name") =>
        context.Evaluate($"(typeof event === 'object' && event !== null && event.{field} !== undefined) ? String(event.{field}) : null")?.ToString();
}

/// <summary>
/// Opens the ticket's escalation (on an SLA breach, when none is open) or takes the open one, and moves it up to the
/// next level of its region's contact chain. Done: a contact is to be called; TopReached: nobody is left above;
/// NothingOpen: the escalation was acknowledged meanwhile.
/// </summary>
internal sealed class EscalateActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Escalate", EscalationActivity.Category, "Escalate",
        "Moves the ticket's escalation up to the next contact of its region's chain (support desk, customer-service manager, director). On an SLA breach with no open escalation, opens one. Done: a contact is to be called; TopReached: nobody is left above; NothingOpen: nothing waits for acknowledgement.",
        [], ["Done", "TopReached", "NothingOpen"])
    { Texts = typeof(EscalationResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = EscalationActivity.TicketId(context);
        var db = context.Services.GetRequiredService<EscalationDbContext>();
        var escalation = await EscalationActivity.OpenEscalationAsync(db, ticketId, cancellationToken);
        if (escalation is null)
        {
            if (EscalationActivity.EventName(context) != EscalationActivity.SlaBreachedEvent)
            {
                return ActivityResult.Done("NothingOpen");
            }

            var ticket = await context.Services.GetRequiredService<IMediator>().Send(new TicketSummaryQuery(ticketId), cancellationToken)
                ?? throw new InvalidOperationException($"No ticket has the id {ticketId}.");
            var region = context.Services.GetRequiredService<IOptions<EscalationOptions>>().Value.RegionOf(ticket);
            escalation = new TicketEscalation(ticketId, ticket.Number, EscalationSource.SlaBreach, EscalationActivity.EventName(context, "clock") ?? "", region, context.UtcNow);
            db.Escalations.Add(escalation);
        }

        var next = await db.Contacts.AsNoTracking()
            .Where(c => c.Region == escalation.Region && c.Level > escalation.Level)
            .OrderBy(c => c.Level)
            .Select(c => (int?)c.Level)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is not { } level)
        {
            escalation.Exhaust();
            await db.SaveChangesAsync(cancellationToken);
            return ActivityResult.Done("TopReached");
        }

        escalation.MoveTo(level);

        // Saved in the run's transaction, so that the escalation has its id for the contact's call.
        await db.SaveChangesAsync(cancellationToken);
        context.SetVariable("escalationId", escalation.Id);
        context.SetVariable("escalationLevel", level);
        return ActivityResult.Done();
    }
}

/// <summary>Emails the contact at the escalation's current level a single-use, expiring link to acknowledge it.</summary>
internal sealed class NotifyEscalationContactActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "NotifyEscalationContact", EscalationActivity.Category, "Notify escalation contact",
        "Emails the contact at the escalation's current level (set by Escalate) with a link to acknowledge it; the link works once and expires. NoContact: no escalation is open or no contact has that level.",
        [], ["Done", "NoContact"])
    { Texts = typeof(EscalationResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = EscalationActivity.TicketId(context);
        var db = context.Services.GetRequiredService<EscalationDbContext>();
        var escalation = await EscalationActivity.OpenEscalationAsync(db, ticketId, cancellationToken);
        var contact = escalation is null
            ? null
            : await db.Contacts.AsNoTracking().Where(c => c.Region == escalation.Region && c.Level == escalation.Level).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (escalation is null || contact is null)
        {
            return ActivityResult.Done("NoContact");
        }

        var mediator = context.Services.GetRequiredService<IMediator>();
        var ticket = await mediator.Send(new TicketSummaryQuery(ticketId), cancellationToken)
            ?? throw new InvalidOperationException($"No ticket has the id {ticketId}.");
        var lifetime = context.Services.GetRequiredService<IOptions<EscalationOptions>>().Value.AcknowledgementLinkLifetime;
        var (call, token) = ContactCall.Issue(escalation, contact, context.UtcNow, lifetime);
        db.ContactCalls.Add(call);
        var url = await mediator.Send(new PortalAddressQuery("/escalation/acknowledge/" + token), cancellationToken);
        context.Services.GetRequiredService<EscalationMail>().ContactCalled(ticket, escalation, contact, url, call.ExpiresAtUtc);
        context.SetVariable("escalationContact", contact.Name);
        return ActivityResult.Done();
    }
}

/// <summary>Waits for the escalation to be acknowledged (the emailed link or the console's button), or for the time allowed.</summary>
internal sealed class WaitForAcknowledgementActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "WaitForAcknowledgement", EscalationActivity.Category, "Wait for acknowledgement",
        "Waits until the contact acknowledges the escalation through the emailed link, or an agent does in the console (Acknowledged), or until the time allowed has passed (Timeout).",
        [
            new("Timeout", "Time to acknowledge", "How long the contact has before the next level is called, e.g. 00:30:00.", InputHint.Duration, Required: true, DefaultValue: "00:30:00"),
            new("Calendar", "Business calendar", "Count the time in the working hours of this calendar (e.g. Support hours); empty counts every hour.", InputHint.Text),
        ],
        ["Acknowledged", "Timeout"], Waits: true)
    { Texts = typeof(EscalationResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var ticketId = EscalationActivity.TicketId(context);
        var db = context.Services.GetRequiredService<EscalationDbContext>();
        if (await EscalationActivity.OpenEscalationAsync(db, ticketId, cancellationToken) is null)
        {
            return ActivityResult.Done("Acknowledged");
        }

        var timeoutText = context.GetText("Timeout")?.Trim();
        if (!TimeSpan.TryParse(timeoutText, CultureInfo.InvariantCulture, out var timeout) || timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"\"{timeoutText}\" is not a duration; write it as 00:30:00.");
        }

        var due = context.UtcNow + timeout;
        var calendar = context.GetText("Calendar")?.Trim();
        if (!string.IsNullOrEmpty(calendar))
        {
            var times = await context.Services.GetRequiredService<IMediator>().Send(new ComputeDueTimesQuery(calendar, [new ClockTarget(context.UtcNow, timeout)], []), cancellationToken);
            due = times.CalendarFound ? times.Due[0]!.Value : throw new InvalidOperationException($"No business calendar is named \"{calendar}\".");
        }

        return ActivityResult.Wait(
            new ActivityBookmark(EscalationActivity.AcknowledgedEvent, context.CorrelationId!),
            new ActivityBookmark("Timer", due.ToString("O", CultureInfo.InvariantCulture), due, "timeout"));
    }

    public Task<ActivityResult> ResumeAsync(IActivityContext context, ActivityBookmark bookmark, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done(bookmark.Tag == "timeout" ? "Timeout" : "Acknowledged"));
}
