using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Notifications;
using Support.Workflows.Contracts;

namespace Support.Ticketing.Sla;

/// <summary>The SLA activities Ticketing adds to the workflow designer's palette (category "SLA").</summary>
internal static class SlaActivityNames
{
    public const string Category = "SLA";

    /// <summary>
    /// Compiled and tracked: every SLA instance reads its ticket as it starts, under the write lock; a ticket an earlier
    /// activity of the scope changed (an alert recorded, not yet saved) is returned as changed.
    /// </summary>
    private static readonly Func<TicketingDbContext, long, CancellationToken, Task<Ticket?>> TicketById =
        EF.CompileAsyncQuery((TicketingDbContext db, long id, CancellationToken _) => db.Tickets.SingleOrDefault(t => t.Id == id));

    /// <summary>The ticket of the instance (its correlation id), or null when the instance is not about a ticket.</summary>
    public static async Task<Ticket?> TicketAsync(IActivityContext context, CancellationToken cancellationToken) =>
        long.TryParse(context.CorrelationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await TicketById(context.Services.GetRequiredService<TicketingDbContext>(), id, cancellationToken)
            : null;

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Reads the ticket's next SLA alert into variables; Pending when there is one, None when no clock runs or both alerts were raised.</summary>
internal sealed class ReadSlaClockActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "ReadSlaClock", SlaActivityNames.Category, "Read SLA clock",
        "Reads the ticket's SLA policy and clocks: the next alert (a warning, then a breach) and when it is due, into the variables slaNextAt, slaNextKind, slaClock, slaDueAt and slaPolicy.",
        [], ["Pending", "None"])
    { Texts = typeof(TicketingResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var ticket = await SlaActivityNames.TicketAsync(context, cancellationToken);
        context.SetVariable("slaPolicy", ticket?.SlaPolicyName);
        context.SetVariable("slaClock", ticket?.SlaClock);
        context.SetVariable("slaDueAt", ticket?.SlaDueAtUtc is { } due ? SlaActivityNames.Iso(due) : null);
        if (ticket?.NextSlaAlert is not { } alert)
        {
            context.SetVariable("slaNextAt", null);
            context.SetVariable("slaNextKind", null);
            return ActivityResult.Done("None");
        }

        context.SetVariable("slaNextAt", SlaActivityNames.Iso(alert.AtUtc));
        context.SetVariable("slaNextKind", alert.Kind);
        return ActivityResult.Done("Pending");
    }
}

/// <summary>
/// Raises the alert "Read SLA clock" found, if it is still due now: records it on the ticket (audit trail) and
/// publishes "SLA warning" or "SLA breached" through Ticketing's outbox. Stale when the clocks changed meanwhile.
/// </summary>
internal sealed class MarkSlaAlertActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "MarkSlaAlert", SlaActivityNames.Category, "Mark SLA warning or breach",
        "Marks the alert read by \"Read SLA clock\" on the ticket if it is still due and publishes the integration event \"SLA warning\" or \"SLA breached\"; Stale when the clocks changed meanwhile.",
        [], ["Warning", "Breached", "Stale"])
    { Texts = typeof(TicketingResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var ticket = await SlaActivityNames.TicketAsync(context, cancellationToken);
        var expected = context.GetVariable("slaNextKind")?.ToString();
        if (ticket?.NextSlaAlert is not { } alert || alert.Kind != expected || alert.AtUtc > context.UtcNow)
        {
            return ActivityResult.Done("Stale");
        }

        await context.Services.GetRequiredService<TicketEvents>().SlaAlertAsync(ticket, alert.Kind, context.UtcNow, cancellationToken);
        ticket.RecordSlaAlert(alert.Kind, context.UtcNow);
        return ActivityResult.Done(alert.Kind);
    }
}

/// <summary>Computes a due time in a business calendar (the same arithmetic as the ticket clocks) into a variable.</summary>
internal sealed class ComputeDueTimeActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "ComputeDueTime", SlaActivityNames.Category, "Compute due time",
        "Computes when a target of working time is reached from an instant, in a business calendar, into a variable (ISO 8601, for Start at).",
        [
            new("Start", "Start", "The instant the clock starts (ISO 8601 or a script).", InputHint.Text, Required: true),
            new("Target", "Target", "The working time allowed, e.g. 04:00:00.", InputHint.Duration, Required: true),
            new("Calendar", "Calendar", "The business calendar, e.g. Support hours.", InputHint.Text, Required: true, DefaultValue: DefaultSlaPolicies.SupportHours),
            new("Variable", "Variable", "The variable that receives the due time.", InputHint.Text, Required: true),
        ],
        ["Done"])
    { Texts = typeof(TicketingResource) };

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var startText = context.GetText("Start");
        if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            throw new InvalidOperationException($"\"{startText}\" is not an instant; write it as 2026-12-01T09:00:00Z.");
        }

        var targetText = context.GetText("Target");
        if (!TimeSpan.TryParse(targetText, CultureInfo.InvariantCulture, out var target) || target < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"\"{targetText}\" is not a duration; write it as 04:00:00.");
        }

        var calendar = context.GetText("Calendar") ?? "";
        var due = await context.Services.GetRequiredService<IMediator>().Send(new ComputeDueTimesQuery(calendar, [new ClockTarget(start.UtcDateTime, target)], []), cancellationToken);
        if (!due.CalendarFound)
        {
            throw new InvalidOperationException($"No business calendar is named \"{calendar}\".");
        }

        context.SetVariable(context.GetText("Variable")!, SlaActivityNames.Iso(due.Due[0]!.Value));
        return ActivityResult.Done();
    }
}
