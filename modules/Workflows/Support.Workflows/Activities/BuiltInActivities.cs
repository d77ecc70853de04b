using System.Globalization;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Email;
using Support.Workflows.Calendars;
using Support.Workflows.Contracts;
using Support.Workflows.Definitions;
using Support.Workflows.Runtime;

namespace Support.Workflows.Activities;

/// <summary>Texts and readers shared by the built-in activities.</summary>
internal static class Inputs
{
    public const string Flow = "Flow";
    public const string Timers = "Timers";
    public const string Events = "Events";
    public const string Data = "Data";
    public const string Notifications = "Notifications";

    public static InputDescriptor Calendar() => new(
        "Calendar", "Business calendar",
        "Count the time in the working hours of this calendar; empty counts every hour.",
        InputHint.Dropdown, Options: ["", BuiltInCalendars.SupportHours, BuiltInCalendars.AlwaysOpen], DefaultValue: "");

    public static InputDescriptor Event(IEnumerable<WorkflowStimulus> stimuli) => new(
        "Event", "Event", "The event published by a module, e.g. Ticketing.TicketClosed.",
        InputHint.Dropdown, Required: true, Options: [.. stimuli.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal)]);

    /// <summary>Reads a duration written <c>d.hh:mm:ss</c>, <c>hh:mm:ss</c> or ISO 8601 (<c>PT4H</c>).</summary>
    public static TimeSpan Duration(IActivityContext context, string name)
    {
        var text = context.GetText(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidOperationException($"The input \"{name}\" is empty.");
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero)
        {
            return value;
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"\"{text}\" is not a duration; write it as 04:00:00, 1.00:00:00 or PT4H.");
        }
    }

    public static async Task<BusinessCalendar?> CalendarAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.GetText("Calendar");
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return await context.Services.GetRequiredService<IBusinessCalendars>().FindAsync(name, cancellationToken)
            ?? throw new InvalidOperationException($"No business calendar is named \"{name}\".");
    }

    public static async Task<DateTime> AfterAsync(IActivityContext context, string input, CancellationToken cancellationToken)
    {
        var duration = Duration(context, input);
        var calendar = await CalendarAsync(context, cancellationToken);
        return calendar?.AddBusinessTime(context.UtcNow, duration) ?? context.UtcNow + duration;
    }

    public static ActivityBookmark Timer(DateTime dueAtUtc, string? tag = null) =>
        new(WorkflowRunner.TimerStimulus, dueAtUtc.ToString("O", CultureInfo.InvariantCulture), dueAtUtc, tag);

    public static ActivityBookmark EventBookmark(IActivityContext context)
    {
        var name = context.GetText("Event") ?? throw new InvalidOperationException("The input \"Event\" is empty.");
        var correlation = context.CorrelationId ?? throw new InvalidOperationException("The instance has no correlation id, so it cannot wait for an event.");
        return new ActivityBookmark(name, correlation);
    }
}

/// <summary>Where a workflow started manually begins.</summary>
internal sealed class StartActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new("Start", Inputs.Flow, "Start", "Where the workflow begins when an admin starts it.", [], ["Done"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) => Task.FromResult(ActivityResult.Done());
}

/// <summary>Starts the workflow on an event (when nothing leads to it) or waits for the event of the instance's ticket.</summary>
internal sealed class EventActivity(IEnumerable<WorkflowStimulus> stimuli) : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Event", Inputs.Events, "Event",
        "Starts the workflow when a module publishes the event (one instance per ticket); placed after other activities, waits for it.",
        [Inputs.Event(stimuli)], ["Done"], Waits: true);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Wait(Inputs.EventBookmark(context)));
}

/// <summary>Waits for an event of the instance's ticket, or for a timeout.</summary>
internal sealed class WaitForEventActivity(IEnumerable<WorkflowStimulus> stimuli) : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "WaitForEvent", Inputs.Events, "Wait for event",
        "Waits until the event arrives for the same ticket (Done), or until the timeout has elapsed (Timeout).",
        [
            Inputs.Event(stimuli),
            new("Timeout", "Timeout", "Optional: how long to wait, e.g. 04:00:00.", InputHint.Duration),
            Inputs.Calendar(),
        ],
        ["Done", "Timeout"], Waits: true);

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var bookmarks = new List<ActivityBookmark> { Inputs.EventBookmark(context) };
        if (!string.IsNullOrWhiteSpace(context.RawInput("Timeout")))
        {
            bookmarks.Add(Inputs.Timer(await Inputs.AfterAsync(context, "Timeout", cancellationToken), "timeout"));
        }

        return ActivityResult.Wait([.. bookmarks]);
    }

    public Task<ActivityResult> ResumeAsync(IActivityContext context, ActivityBookmark bookmark, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done(bookmark.Tag == "timeout" ? "Timeout" : "Done"));
}

/// <summary>Waits for a duration, optionally counted in business hours.</summary>
internal sealed class DelayActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Delay", Inputs.Timers, "Delay", "Waits for a duration (e.g. 04:00:00), optionally counted in the working hours of a calendar.",
        [new("Duration", "Duration", "How long to wait: 04:00:00, 1.00:00:00 or PT4H.", InputHint.Duration, Required: true), Inputs.Calendar()],
        ["Done"], Waits: true);

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        ActivityResult.Wait(Inputs.Timer(await Inputs.AfterAsync(context, "Duration", cancellationToken)));
}

/// <summary>Waits until an instant, optionally moved to the calendar's next working time.</summary>
internal sealed class StartAtActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "StartAt", Inputs.Timers, "Start at",
        "Waits until an instant (ISO 8601, e.g. 2026-12-01T09:00:00Z, or a script); with a calendar, until the first working time from then.",
        [new("Instant", "Instant", "When to continue.", InputHint.Text, Required: true), Inputs.Calendar()],
        ["Done"], Waits: true);

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var text = context.GetText("Instant");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            throw new InvalidOperationException($"\"{text}\" is not an instant; write it as 2026-12-01T09:00:00Z.");
        }

        var due = instant.UtcDateTime;
        var calendar = await Inputs.CalendarAsync(context, cancellationToken);
        if (calendar is not null)
        {
            due = calendar.NextWorkingInstant(due);
        }

        return due <= context.UtcNow ? ActivityResult.Done() : ActivityResult.Wait(Inputs.Timer(due));
    }
}

/// <summary>Continues every interval, for as long as the instance runs.</summary>
internal sealed class TimerActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Timer", Inputs.Timers, "Timer", "Follows Done every interval (e.g. a reminder every hour) until the instance ends.",
        [new("Interval", "Interval", "How often: 01:00:00 or PT1H.", InputHint.Duration, Required: true), Inputs.Calendar()],
        ["Done"], Waits: true);

    public async Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        ActivityResult.Wait(Inputs.Timer(await Inputs.AfterAsync(context, "Interval", cancellationToken)));

    public async Task<ActivityResult> ResumeAsync(IActivityContext context, ActivityBookmark bookmark, CancellationToken cancellationToken) =>
        ActivityResult.DoneAndWaitAgain("Done", Inputs.Timer(await Inputs.AfterAsync(context, "Interval", cancellationToken)));
}

/// <summary>Follows True or False depending on a condition (Elsa's FlowDecision).</summary>
internal sealed class DecisionActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Decision", Inputs.Flow, "Decision", "Follows True when the condition holds, else False, e.g. event.severity === 'Critical'.",
        [new("Condition", "Condition", "A JavaScript expression.", InputHint.JavaScript, Required: true)],
        ["True", "False"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done(context.GetBoolean("Condition") ? "True" : "False"));
}

/// <summary>Follows the cases whose condition holds, or Default (Elsa's FlowSwitch).</summary>
internal sealed class SwitchActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Switch", Inputs.Flow, "Switch",
        "One case per line, \"Name: condition\" (e.g. Critical: event.severity === 'Critical'); follows the first case that holds (or every one, in Match any mode), else Default.",
        [
            new("Cases", "Cases", "Name: JavaScript condition, one per line.", InputHint.Multiline, Required: true),
            new("Mode", "Mode", "Follow the first matching case or all of them.", InputHint.Dropdown, Options: ["MatchFirst", "MatchAny"], DefaultValue: "MatchFirst"),
        ],
        ["Default"], DynamicOutcomesInput: "Cases");

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var matchAny = context.GetText("Mode") == "MatchAny";
        var matched = new List<string>();
        foreach (var (name, condition) in Lines.Entries(context.RawInput("Cases")))
        {
            if (condition is not null && IsTrue(context.Evaluate(condition)))
            {
                matched.Add(name);
                if (!matchAny)
                {
                    break;
                }
            }
        }

        return Task.FromResult(ActivityResult.Done(matched.Count == 0 ? ["Default"] : [.. matched]));
    }

    private static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        double d => d != 0,
        string s => s.Length > 0,
        null => false,
        _ => true,
    };
}

/// <summary>Runs several branches at once.</summary>
internal sealed class ForkActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Fork", Inputs.Flow, "Fork", "Follows every branch at once; one branch name per line.",
        [new("Branches", "Branches", "One branch name per line.", InputHint.Multiline, Required: true)],
        [], DynamicOutcomesInput: "Branches");

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done([.. Lines.Names(context.RawInput("Branches"))]));
}

/// <summary>Merges branches: waits for all of them, or for the first (cancelling the others' waits). The runner implements it.</summary>
internal sealed class JoinActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "Join", Inputs.Flow, "Join",
        "Continues when every incoming branch has arrived (Wait all), or at the first one, cancelling what the others wait for (Wait any).",
        [new("Mode", "Mode", "Wait all or wait any.", InputHint.Dropdown, Options: ["WaitAll", "WaitAny"], DefaultValue: "WaitAll")],
        ["Done"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done());
}

/// <summary>Sets a variable to a value or an expression's result.</summary>
internal sealed class SetVariableActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "SetVariable", Inputs.Data, "Set variable", "Sets a variable, e.g. to event.severity.",
        [
            new("Variable", "Variable", "The variable's name.", InputHint.Text, Required: true),
            new("Value", "Value", "A literal, a variable, or JavaScript.", InputHint.JavaScript),
        ],
        ["Done"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var name = context.RawInput("Variable")!;
        context.SetVariable(name, ((ActivityContext)context).GetNode("Value"));
        return Task.FromResult(ActivityResult.Done());
    }
}

/// <summary>Queues an email in the Kernel's email outbox, in the same transaction as the instance's progress.</summary>
internal sealed class SendEmailActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "SendEmail", Inputs.Notifications, "Send email", "Sends an email (through the email outbox, with retries).",
        [
            new("To", "To", "The recipient's address.", InputHint.Text, Required: true),
            new("Subject", "Subject", "The subject.", InputHint.Text, Required: true),
            new("Body", "Body", "The plain-text body.", InputHint.Multiline, Required: true),
        ],
        ["Done"]);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        var to = context.GetText("To");
        if (string.IsNullOrWhiteSpace(to) || !to.Contains('@', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"\"{to}\" is not an email address.");
        }

        context.Services.GetRequiredService<IEmailOutbox>().Queue(new OutgoingEmail(
            to.Trim(), null, context.GetText("Subject") ?? "", context.GetText("Body") ?? "", null, "workflow"));
        return Task.FromResult(ActivityResult.Done());
    }
}

/// <summary>Ends the instance, cancelling whatever it still waits for.</summary>
internal sealed class FinishActivity : IWorkflowActivity
{
    public ActivityDescriptor Descriptor { get; } = new("Finish", Inputs.Flow, "Finish", "Ends the workflow, cancelling whatever it still waits for.", [], []);

    public Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) => Task.FromResult(ActivityResult.Finish());
}
