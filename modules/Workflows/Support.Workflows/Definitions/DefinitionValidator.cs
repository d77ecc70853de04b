using System.Globalization;

namespace Support.Workflows.Definitions;

/// <summary>A problem found in a definition: an English message template (a resource key) and its arguments.</summary>
internal sealed record DefinitionProblem(string? ActivityId, string Template, params object[] Arguments)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Template, Arguments);
}

/// <summary>An argument of a problem's message that is itself a text to translate (an input's label), not a name from the JSON.</summary>
internal sealed record LocalizableText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>Checks a definition before it is saved: every problem names the activity it is about.</summary>
internal sealed class DefinitionValidator
{
    private readonly ActivityRegistry _registry;

    public DefinitionValidator(ActivityRegistry registry) => _registry = registry;

    public IReadOnlyList<DefinitionProblem> Validate(WorkflowDefinitionDocument definition)
    {
        var problems = new List<DefinitionProblem>();
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(new(null, "The workflow needs a name."));
        }

        var activities = definition.Root.Activities;
        foreach (var duplicate in activities.GroupBy(a => a.Id).Where(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key)))
        {
            problems.Add(new(duplicate.Key, "Several activities have the id \"{0}\"; each needs its own id.", duplicate.Key));
        }

        var byId = activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var activity in activities)
        {
            var descriptor = _registry.Find(activity.Type)?.Descriptor;
            if (descriptor is null)
            {
                problems.Add(new(activity.Id, "Activity {0}: the type \"{1}\" is unknown.", activity.Label, activity.Type));
                continue;
            }

            foreach (var input in descriptor.Inputs.Where(i => i.Required && i.DefaultValue is null))
            {
                if (!activity.Inputs.TryGetValue(input.Name, out var value) || string.IsNullOrWhiteSpace(value.Expression.Value))
                {
                    problems.Add(new(activity.Id, "Activity {0}: the input \"{1}\" is required.", activity.Label, new LocalizableText(input.DisplayName)));
                }
            }

            if (activity.Type is "Event" or "WaitForEvent" && activity.Inputs.TryGetValue("Event", out var eventInput)
                && !string.IsNullOrWhiteSpace(eventInput.Expression.Value) && _registry.FindStimulus(eventInput.Expression.Value) is null)
            {
                problems.Add(new(activity.Id, "Activity {0}: no module publishes the event \"{1}\".", activity.Label, eventInput.Expression.Value));
            }
        }

        foreach (var connection in definition.Root.Connections)
        {
            if (!byId.TryGetValue(connection.Source.Activity, out var source) || !byId.ContainsKey(connection.Target.Activity))
            {
                problems.Add(new(connection.Source.Activity, "A connection joins \"{0}\" to \"{1}\", but one of them is not on the flowchart.", connection.Source.Activity, connection.Target.Activity));
                continue;
            }

            if (_registry.Find(source.Type) is not null && !_registry.OutcomesOf(source).Contains(connection.Source.Port))
            {
                problems.Add(new(source.Id, "Activity {0} has no outcome \"{1}\".", source.Label, connection.Source.Port));
            }
        }

        if (activities.Count > 1)
        {
            var connected = definition.Root.Connections.SelectMany(c => new[] { c.Source.Activity, c.Target.Activity }).ToHashSet();
            foreach (var activity in activities.Where(a => !connected.Contains(a.Id)))
            {
                problems.Add(new(activity.Id, "Activity {0} is not connected to the flowchart.", activity.Label));
            }
        }

        var targets = definition.Root.Connections.Select(c => c.Target.Activity).ToHashSet();
        if (activities.Count > 0 && !activities.Any(a => a.Type is "Start" or "Event" && !targets.Contains(a.Id)))
        {
            problems.Add(new(null, "The workflow needs a Start or an Event activity with no incoming connection."));
        }

        problems.AddRange(CyclesWithoutWait(definition, byId));
        return problems;
    }

    /// <summary>A cycle whose activities never wait would run forever: each such cycle is reported once, on its first activity.</summary>
    private IEnumerable<DefinitionProblem> CyclesWithoutWait(WorkflowDefinitionDocument definition, Dictionary<string, ActivityDocument> byId)
    {
        // Only non-waiting activities can form a busy loop; find strongly connected components among them.
        var busy = byId.Values.Where(a => _registry.Find(a.Type)?.Descriptor.Waits != true).Select(a => a.Id).ToHashSet();
        var edges = definition.Root.Connections
            .Where(c => busy.Contains(c.Source.Activity) && busy.Contains(c.Target.Activity))
            .GroupBy(c => c.Source.Activity)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Target.Activity).Distinct().ToList());

        var index = 0;
        var indices = new Dictionary<string, int>();
        var lowLinks = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var problems = new List<DefinitionProblem>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (!indices.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }

            if (lowLinks[node] != indices[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            var selfLoop = component.Count == 1 && (edges.GetValueOrDefault(node)?.Contains(node) ?? false);
            if (component.Count > 1 || selfLoop)
            {
                var labels = component.Select(id => byId[id].Label).Order(StringComparer.Ordinal).ToList();
                problems.Add(new(labels.Count > 0 ? component.Order(StringComparer.Ordinal).First() : null,
                    "The loop through {0} never waits; add a Delay, a Timer or a wait for an event to it.", string.Join(", ", labels)));
            }
        }

        foreach (var node in busy.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return problems;
    }
}
