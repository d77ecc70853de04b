using Support.Workflows.Contracts;

namespace Support.Workflows.Definitions;

/// <summary>Every activity type the engine knows: the built-in ones and those other modules registered.</summary>
internal sealed class ActivityRegistry
{
    private readonly Dictionary<string, IWorkflowActivity> _activities;

    public ActivityRegistry(IEnumerable<IWorkflowActivity> activities, IEnumerable<WorkflowStimulus> stimuli)
    {
        _activities = [];
        foreach (var activity in activities)
        {
            if (!_activities.TryAdd(activity.Descriptor.Type, activity))
            {
                throw new InvalidOperationException($"Two workflow activities have the type name {activity.Descriptor.Type}.");
            }
        }

        Stimuli = stimuli.GroupBy(s => s.Name).Select(g => g.First()).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<WorkflowStimulus> Stimuli { get; }

    public IEnumerable<ActivityDescriptor> Descriptors => _activities.Values.Select(a => a.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName);

    public IWorkflowActivity? Find(string type) => _activities.GetValueOrDefault(type);

    public WorkflowStimulus? FindStimulus(string name) => Stimuli.FirstOrDefault(s => s.Name == name);

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
