using Microsoft.Extensions.Logging;
using Support.Workflows.Contracts;

namespace Support.Workflows.Definitions;

/// <summary>Every activity type the engine knows: the built-in ones and those other modules and plugins registered.</summary>
internal sealed partial class ActivityRegistry
{
    private readonly Dictionary<string, IWorkflowActivity> _activities;

    public ActivityRegistry(IEnumerable<IWorkflowActivity> activities, IEnumerable<WorkflowStimulus> stimuli, ILogger<ActivityRegistry> logger)
    {
        _activities = [];
        foreach (var activity in activities)
        {
            // Modules register before plugins, so the first registration of a type name wins: a plugin can neither
            // replace a built-in activity nor, by a clash or a broken descriptor, take the engine down.
            ActivityDescriptor descriptor;
            try
            {
                descriptor = activity.Descriptor;
            }
            catch (Exception exception)
            {
                DescriptorFailed(logger, activity.GetType().FullName, exception);
                continue;
            }

            if (!_activities.TryAdd(descriptor.Type, activity))
            {
                DuplicateType(logger, descriptor.Type, activity.GetType().FullName, _activities[descriptor.Type].GetType().FullName);
            }
        }

        Stimuli = stimuli.GroupBy(s => s.Name).Select(g => g.First()).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<WorkflowStimulus> Stimuli { get; }

    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName);

    public IWorkflowActivity? Find(string type) => _activities.GetValueOrDefault(type);

    public WorkflowStimulus? FindStimulus(string name) => Stimuli.FirstOrDefault(s => s.Name == name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow activity {Activity} is left out: reading its descriptor failed.")]
    private static partial void DescriptorFailed(ILogger logger, string? activity, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow activity type {Type} of {Activity} is left out: {Registered} registered that type name first.")]
    private static partial void DuplicateType(ILogger logger, string type, string? activity, string? registered);

    /// <summary>The outcome ports of a placed activity: its descriptor's, plus those named by its dynamic-outcomes input.</summary>
    public IReadOnlyList<string> OutcomesOf(ActivityDocument activity)
    {
        var descriptor = Find(activity.Type)?.Descriptor;
        if (descriptor is null)
        {
            return [];
        }

        if (descriptor.DynamicOutcomesInput is null || !activity.Inputs.TryGetValue(descriptor.DynamicOutcomesInput, out var input))
        {
            return descriptor.Outcomes;
        }

        return [.. Lines.Names(input.Expression.Value), .. descriptor.Outcomes];
    }
}

/// <summary>Reads list inputs written one entry per line (Switch cases, Fork branches).</summary>
internal static class Lines
{
    /// <summary>The entries of a multiline input; a case line <c>Name: expression</c> yields its name.</summary>
    public static IReadOnlyList<string> Names(string? text) =>
        Entries(text).Select(e => e.Name).ToList();

    public static IReadOnlyList<(string Name, string? Expression)> Entries(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? (line, (string?)null) : (line[..colon].Trim(), line[(colon + 1)..].Trim());
            })
            .Where(e => e.Item1.Length > 0)
            .ToList();
}
