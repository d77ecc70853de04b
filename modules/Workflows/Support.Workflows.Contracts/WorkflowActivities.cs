using System.Text.Json.Serialization;

namespace Support.Workflows.Contracts;

/// <summary>
/// An activity of the workflow engine: a step of a flowchart with a descriptor (what the designer's palette
/// and property panel show) and its behaviour. Modules register theirs as singletons of this interface.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary>What the activity is, its inputs and its outcome ports.</summary>
    ActivityDescriptor Descriptor { get; }

    /// <summary>Runs the activity when the flow reaches it: it completes with outcomes or waits on bookmarks.</summary>
    Task<ActivityResult> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken);

    /// <summary>Continues the activity when one of its bookmarks is resumed (an event arrived, a timer fired).</summary>
    Task<ActivityResult> ResumeAsync(IActivityContext context, ActivityBookmark bookmark, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done());
}

/// <summary>How the designer edits an input.</summary>
public enum InputHint
{
    Text,
    Multiline,
    Number,
    Duration,
    Dropdown,
    JavaScript,
    Checkbox,
}

/// <summary>An input of an activity, as the property panel shows it.</summary>
/// <param name="Name">The key in the activity's <c>inputs</c>.</param>
/// <param name="DisplayName">The label.</param>
/// <param name="Description">The help text.</param>
/// <param name="Hint">The editor to use.</param>
/// <param name="Required">Whether a definition without it fails validation.</param>
/// <param name="Options">The choices of a dropdown.</param>
/// <param name="DefaultValue">The value used when the input is absent.</param>
public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    string Description,
    InputHint Hint,
    bool Required = false,
    IReadOnlyList<string>? Options = null,
    string? DefaultValue = null);

/// <summary>What the designer and the validator know about an activity type.</summary>
/// <param name="Type">The type name stored in the JSON, e.g. <c>Delay</c>.</param>
/// <param name="Category">The palette group.</param>
/// <param name="DisplayName">The palette label.</param>
/// <param name="Description">What it does.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Outcomes">Its outcome ports; activities whose ports come from an input list them at run time.</param>
/// <param name="Waits">Whether it may suspend the instance (a cycle must pass through such an activity).</param>
/// <param name="DynamicOutcomesInput">The input whose lines name further outcome ports (Switch cases, Fork branches).</param>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayName,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    bool Waits = false,
    string? DynamicOutcomesInput = null)
{
    /// <summary>
    /// For activities of other modules and plugins: a type whose <c>IStringLocalizer</c> translates this
    /// descriptor's texts (category, labels, help) in the designer, usually the contributor's resource marker
    /// class. A text it does not translate falls back to the Workflows module's translations.
    /// </summary>
    [JsonIgnore]
    public Type? Texts { get; init; }
}

/// <summary>A wait of an activity: resumed by a stimulus with this name and payload, or by a timer due at <paramref name="DueAtUtc"/>.</summary>
/// <param name="Stimulus">The stimulus name, e.g. <c>Ticketing.TicketClosed</c> or <c>Timer</c>.</param>
/// <param name="Payload">What distinguishes the awaited stimulus (for events: the correlation id); hashed for look-up.</param>
/// <param name="DueAtUtc">For timers, when it fires.</param>
/// <param name="Tag">What the activity needs to know on resume (e.g. <c>timeout</c>).</param>
public sealed record ActivityBookmark(string Stimulus, string Payload, DateTime? DueAtUtc = null, string? Tag = null);

/// <summary>What an activity did: the outcome ports to follow, the bookmarks to wait on, or the end of the instance.</summary>
public sealed record ActivityResult(IReadOnlyList<string> Outcomes, IReadOnlyList<ActivityBookmark> Bookmarks, bool FinishesInstance = false, bool KeepsWaiting = false)
{
    /// <summary>Completes with the given outcome ports (default <c>Done</c>).</summary>
    public static ActivityResult Done(params string[] outcomes) => new(outcomes.Length == 0 ? ["Done"] : outcomes, []);

    /// <summary>Suspends the activity until one of the bookmarks is resumed.</summary>
    public static ActivityResult Wait(params ActivityBookmark[] bookmarks) => new([], bookmarks);

    /// <summary>Follows the outcome ports and keeps the activity waiting on new bookmarks (a recurring timer).</summary>
    public static ActivityResult DoneAndWaitAgain(string outcome, params ActivityBookmark[] bookmarks) => new([outcome], bookmarks, KeepsWaiting: true);

    /// <summary>Ends the instance.</summary>
    public static ActivityResult Finish() => new([], [], FinishesInstance: true);
}

/// <summary>What an activity sees while it runs: its inputs, the variables, the triggering event, the clock.</summary>
public interface IActivityContext
{
    /// <summary>The activity's id in the definition.</summary>
    string ActivityId { get; }

    /// <summary>The instance's correlation id (the ticket id for ticket workflows).</summary>
    string? CorrelationId { get; }

    /// <summary>The current time (the product's clock).</summary>
    DateTime UtcNow { get; }

    /// <summary>The scope's services (for example a module's MediatR sender).</summary>
    IServiceProvider Services { get; }

    /// <summary>The raw text of an input (its expression's value), or null when absent.</summary>
    string? RawInput(string name);

    /// <summary>Evaluates an input (Literal, JavaScript or Variable) and returns it as text; null when absent.</summary>
    string? GetText(string name);

    /// <summary>Evaluates an input and returns it as a boolean.</summary>
    bool GetBoolean(string name);

    /// <summary>Evaluates an input and returns it as a number; null when absent.</summary>
    double? GetNumber(string name);

    /// <summary>Evaluates a JavaScript expression with <c>variables</c> and <c>event</c> in scope.</summary>
    object? Evaluate(string javaScript);

    /// <summary>Reads a variable (null when unset).</summary>
    object? GetVariable(string name);

    /// <summary>Sets a variable; the value is kept as JSON.</summary>
    void SetVariable(string name, object? value);
}
