using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Support.Workflows.Contracts;
using Support.Workflows.Data;
using Support.Workflows.Definitions;
using Support.Workflows.Expressions;
using Support.Workflows.Timers;

namespace Support.Workflows.Runtime;

/// <summary>
/// Runs an instance's flowchart until nothing is left to do: activities complete and schedule the targets of
/// their outcome ports, waiting activities leave bookmarks (and timers), a fault stops the instance with an
/// incident. Everything it changes is staged in the scope's <see cref="WorkflowsDbContext"/>; the caller commits.
/// </summary>
internal sealed class WorkflowRunner
{
    /// <summary>The stimulus name of timer bookmarks.</summary>
    public const string TimerStimulus = "Timer";

    /// <summary>Activities one run may execute before the instance is faulted as a runaway loop.</summary>
    private const int MaxStepsPerRun = 10_000;

    private readonly WorkflowsDbContext _db;
    private readonly ActivityRegistry _registry;
    private readonly JavaScriptEvaluator _javaScript;
    private readonly TimeProvider _clock;
    private readonly IServiceProvider _services;
    private readonly TimerSignal _timerSignal;
    private readonly DefinitionCache _definitions;

    /// <summary>
    /// Bookmarks read ahead for a batch, per instance. A run works on the list itself, so a later resume of the same
    /// instance in the scope sees the bookmarks the earlier one added and removed before they are saved.
    /// </summary>
    private readonly Dictionary<string, List<WorkflowBookmark>> _loadedBookmarks = new(StringComparer.Ordinal);

    public WorkflowRunner(WorkflowsDbContext db, ActivityRegistry registry, JavaScriptEvaluator javaScript, TimeProvider clock, IServiceProvider services, TimerSignal timerSignal, DefinitionCache definitions)
    {
        _definitions = definitions;
        _db = db;
        _registry = registry;
        _javaScript = javaScript;
        _clock = clock;
        _services = services;
        _timerSignal = timerSignal;
    }

    public static string HashOf(string stimulus, string payload) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stimulus + "\n" + payload)));

    /// <summary>Creates an instance of <paramref name="version"/> and runs it from <paramref name="startActivityId"/> (a triggered Event counts as done).</summary>
    public async Task<WorkflowInstance> StartAsync(WorkflowDefinitionVersion version, string? correlationId, string startActivityId, JsonObject? triggeringEvent, bool triggered, CancellationToken cancellationToken)
    {
        var definition = _definitions.Get(version);
        var now = Now;
        var instance = new WorkflowInstance
        {
            DefinitionId = version.DefinitionId,
            DefinitionVersionId = version.Id,
            Version = version.Version,
            Name = version.Name,
            CorrelationId = correlationId,
            Status = WorkflowStatus.Running,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        var state = new InstanceState { Event = triggeringEvent };
        foreach (var variable in definition.Variables)
        {
            state.Variables[variable.Name] = InitialValue(variable);
        }

        _db.Instances.Add(instance);
        Journal(instance, null, null, "Started", $"version {version.Version}");
        var run = new Run(instance, definition, state, []);
        if (triggered)
        {
            var start = definition.Activity(startActivityId)!;
            Journal(instance, start.Id, start.Type, "Completed", "Done");
            run.Schedule(definition, start.Id, ["Done"]);
        }
        else
        {
            run.Queue.Enqueue(new PendingWork(startActivityId, null));
        }

        await ExecuteAsync(run, null, cancellationToken);
        return instance;
    }

    /// <summary>Resumes the activity that left <paramref name="bookmark"/>; the instance's other waits stay.</summary>
    public async Task ResumeAsync(WorkflowBookmark bookmark, JsonObject? payload, CancellationToken cancellationToken)
    {
        var instance = await _db.Instances.FindAsync([bookmark.InstanceId], cancellationToken)
            ?? throw new InvalidOperationException($"The bookmark {bookmark.Id} belongs to no instance.");
        if (instance.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
        {
            return;
        }

        var run = await LoadAsync(instance, cancellationToken);
        if (payload is not null)
        {
            run.State.Event = payload;
        }

        Journal(instance, bookmark.ActivityId, run.Definition.Activity(bookmark.ActivityId)?.Type, "Resumed", bookmark.Stimulus);
        await ExecuteAsync(run, bookmark, cancellationToken);
    }

    /// <summary>Runs the work a faulted instance had left, from the activity that failed.</summary>
    public async Task RetryAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var run = await LoadAsync(instance, cancellationToken);
        foreach (var work in run.State.Pending)
        {
            run.Queue.Enqueue(work);
        }

        run.State.Pending = [];
        foreach (var incident in await _db.Incidents.Where(i => i.InstanceId == instance.Id && i.ResolvedAtUtc == null).ToListAsync(cancellationToken))
        {
            incident.ResolvedAtUtc = Now;
        }

        // Timers that came due while the instance was faulted were dropped without resuming it: set them again.
        var timed = await _db.Timers.Where(t => t.InstanceId == instance.Id).Select(t => t.BookmarkId).ToListAsync(cancellationToken);
        foreach (var bookmark in run.Bookmarks.Where(b => b.Stimulus == TimerStimulus && !timed.Contains(b.Id)))
        {
            if (DateTime.TryParse(bookmark.Payload, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var due))
            {
                _db.Timers.Add(new WorkflowTimer { Bookmark = bookmark, InstanceId = instance.Id, DueAtUtc = due.ToUniversalTime() });
                _timerSignal.Notify();
            }
        }

        instance.Status = WorkflowStatus.Running;
        Journal(instance, null, null, "Retried", null);
        await ExecuteAsync(run, null, cancellationToken);
    }

    /// <summary>Cancels the instance: its bookmarks and timers go, its state stays for reading.</summary>
    public async Task CancelAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var bookmarks = _loadedBookmarks.Remove(instance.Id, out var loaded)
            ? loaded
            : await _db.Bookmarks.Where(b => b.InstanceId == instance.Id).ToListAsync(cancellationToken);
        _db.Bookmarks.RemoveRange(bookmarks);
        instance.Status = WorkflowStatus.Cancelled;
        instance.CurrentActivities = "";
        instance.UpdatedAtUtc = Now;
        instance.FinishedAtUtc = Now;
        Journal(instance, null, null, "Cancelled", null);
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>A definition version, from the cache when it was read before (a version that ran is never edited).</summary>
    public async Task<WorkflowDefinitionVersion> VersionAsync(string versionId, CancellationToken cancellationToken) =>
        _definitions.Find(versionId) ?? await _db.Definitions.AsNoTracking().SingleAsync(d => d.Id == versionId, cancellationToken);

    /// <summary>Takes the bookmarks of <paramref name="instanceIds"/>, read (tracked) by the caller, as their complete set for this scope.</summary>
    public void UseLoadedBookmarks(IEnumerable<string> instanceIds, IEnumerable<WorkflowBookmark> bookmarks)
    {
        foreach (var id in instanceIds)
        {
            _loadedBookmarks[id] = [];
        }

        foreach (var bookmark in bookmarks)
        {
            _loadedBookmarks[bookmark.InstanceId].Add(bookmark);
        }
    }

    private async Task<Run> LoadAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(instance.DefinitionVersionId, cancellationToken);
        var bookmarks = _loadedBookmarks.TryGetValue(instance.Id, out var loaded)
            ? loaded
            : await _db.Bookmarks.Where(b => b.InstanceId == instance.Id).ToListAsync(cancellationToken);
        return new Run(instance, _definitions.Get(version), InstanceState.Parse(instance.State), bookmarks);
    }

    private async Task ExecuteAsync(Run run, WorkflowBookmark? resumed, CancellationToken cancellationToken)
    {
        var instance = run.Instance;
        instance.Status = WorkflowStatus.Running;
        var finished = false;
        var steps = 0;

        if (resumed is not null)
        {
            var outcome = await StepAsync(run, resumed.ActivityId, resumed, cancellationToken);
            finished = outcome == StepOutcome.Finished;
            if (outcome == StepOutcome.Faulted)
            {
                Save(run);
                return;
            }
        }

        while (!finished && run.Queue.TryDequeue(out var work))
        {
            if (++steps > MaxStepsPerRun)
            {
                Fault(run, work, null, $"The instance ran more than {MaxStepsPerRun} activities without waiting.");
                Save(run);
                return;
            }

            var activity = run.Definition.Activity(work.ActivityId);
            if (activity?.Type == "Join")
            {
                Join(run, activity, work);
                continue;
            }

            var outcome = await StepAsync(run, work.ActivityId, null, cancellationToken, work);
            if (outcome == StepOutcome.Faulted)
            {
                Save(run);
                return;
            }

            finished = outcome == StepOutcome.Finished;
        }

        if (finished || run.Bookmarks.Count == 0)
        {
            _db.Bookmarks.RemoveRange(run.Bookmarks);
            run.Bookmarks.Clear();
            run.Queue.Clear();
            instance.Status = WorkflowStatus.Finished;
            instance.FinishedAtUtc = Now;
            Journal(instance, null, null, "Finished", null);
        }
        else
        {
            instance.Status = WorkflowStatus.Suspended;
        }

        Save(run);
    }

    private enum StepOutcome
    {
        Continue,
        Finished,
        Faulted,
    }

    private async Task<StepOutcome> StepAsync(Run run, string activityId, WorkflowBookmark? resumed, CancellationToken cancellationToken, PendingWork? work = null)
    {
        var document = run.Definition.Activity(activityId);
        var activity = document is null ? null : _registry.Find(document.Type);
        if (document is null || activity is null)
        {
            Fault(run, work ?? new PendingWork(activityId, null), document, $"The activity \"{activityId}\" ({document?.Type ?? "missing"}) is not known to this installation.");
            return StepOutcome.Faulted;
        }

        ActivityResult result;
        try
        {
            // Everything an activity's own code does is inside this try, so that an activity from another module or a
            // plugin that throws (or returns nothing) faults its instance only.
            var context = new ActivityContext(document, activity.Descriptor.Inputs, run.State, _javaScript, run.Instance.CorrelationId, Now, _services);
            if (resumed is not null)
            {
                result = await activity.ResumeAsync(context, new ActivityBookmark(resumed.Stimulus, resumed.Payload, null, resumed.Tag), cancellationToken);
            }
            else
            {
                result = await activity.ExecuteAsync(context, cancellationToken);
            }

            if (result is null)
            {
                throw new InvalidOperationException($"The activity \"{document.Id}\" ({document.Type}) returned no result.");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fault(run, work ?? new PendingWork(activityId, null), document, exception.Message, resumed);
            return StepOutcome.Faulted;
        }

        if (resumed is not null && !result.KeepsWaiting)
        {
            RemoveBookmarks(run, b => b.ActivityId == activityId);
        }
        else if (resumed is not null)
        {
            RemoveBookmarks(run, b => b.Id == resumed.Id);
        }

        if (result.FinishesInstance)
        {
            Journal(run.Instance, document.Id, document.Type, "Completed", "Finish");
            return StepOutcome.Finished;
        }

        foreach (var bookmark in result.Bookmarks)
        {
            AddBookmark(run, document, bookmark);
        }

        if (result.Bookmarks.Count > 0 && result.Outcomes.Count == 0)
        {
            Journal(run.Instance, document.Id, document.Type, "Suspended", string.Join(", ", result.Bookmarks.Select(b => b.DueAtUtc is { } due ? $"{b.Stimulus} {due:u}" : b.Stimulus)));
        }

        if (result.Outcomes.Count > 0)
        {
            Journal(run.Instance, document.Id, document.Type, "Completed", string.Join(", ", result.Outcomes));
            run.Schedule(run.Definition, document.Id, result.Outcomes);
        }

        return StepOutcome.Continue;
    }

    private void Join(Run run, ActivityDocument join, PendingWork work)
    {
        var arrivals = run.State.JoinArrivals.TryGetValue(join.Id, out var list) ? list : run.State.JoinArrivals[join.Id] = [];
        if (work.Via is not null && !arrivals.Contains(work.Via))
        {
            arrivals.Add(work.Via);
        }

        var mode = join.Inputs.GetValueOrDefault("Mode")?.Expression.Value ?? "WaitAll";
        var inbound = run.Definition.Root.Connections.Where(c => c.Target.Activity == join.Id).Select(c => c.Key).Distinct().ToList();
        if (mode == "WaitAny")
        {
            // The first branch wins: the others' waits and scheduled work are cancelled.
            var upstream = Upstream(run.Definition, join.Id);
            RemoveBookmarks(run, b => upstream.Contains(b.ActivityId));
            var rest = run.Queue.Where(w => !upstream.Contains(w.ActivityId)).ToList();
            run.Queue.Clear();
            foreach (var item in rest)
            {
                run.Queue.Enqueue(item);
            }
        }
        else if (!inbound.All(arrivals.Contains))
        {
            Journal(run.Instance, join.Id, join.Type, "Waiting", $"{arrivals.Count} of {inbound.Count} branches");
            return;
        }

        run.State.JoinArrivals.Remove(join.Id);
        Journal(run.Instance, join.Id, join.Type, "Completed", "Done");
        run.Schedule(run.Definition, join.Id, ["Done"]);
    }

    /// <summary>The activities from which <paramref name="activityId"/> can be reached.</summary>
    private static HashSet<string> Upstream(WorkflowDefinitionDocument definition, string activityId)
    {
        var found = new HashSet<string>();
        var frontier = new Stack<string>([activityId]);
        while (frontier.TryPop(out var current))
        {
            foreach (var source in definition.Root.Connections.Where(c => c.Target.Activity == current).Select(c => c.Source.Activity))
            {
                if (source != activityId && found.Add(source))
                {
                    frontier.Push(source);
                }
            }
        }

        return found;
    }

    private void AddBookmark(Run run, ActivityDocument activity, ActivityBookmark bookmark)
    {
        var row = new WorkflowBookmark
        {
            InstanceId = run.Instance.Id,
            ActivityId = activity.Id,
            Stimulus = bookmark.Stimulus,
            Payload = bookmark.Payload,
            Hash = HashOf(bookmark.Stimulus, bookmark.Payload),
            Tag = bookmark.Tag,
            CreatedAtUtc = Now,
        };
        _db.Bookmarks.Add(row);
        run.Bookmarks.Add(row);
        if (bookmark.DueAtUtc is { } due)
        {
            // The timer refers to the bookmark; EF inserts the bookmark first and fills in its id.
            _db.Timers.Add(new WorkflowTimer { Bookmark = row, InstanceId = run.Instance.Id, DueAtUtc = due });
            _timerSignal.Notify();
        }
    }

    private void RemoveBookmarks(Run run, Func<WorkflowBookmark, bool> which)
    {
        foreach (var bookmark in run.Bookmarks.Where(which).ToList())
        {
            run.Bookmarks.Remove(bookmark);
            _db.Bookmarks.Remove(bookmark);
        }
    }

    private void Fault(Run run, PendingWork work, ActivityDocument? activity, string message, WorkflowBookmark? resumed = null)
    {
        run.State.Pending = [work, .. run.Queue];
        run.Queue.Clear();
        if (resumed is not null)
        {
            // The stimulus was consumed and the outcome is unknown: retrying runs the activity again, so it waits afresh.
            RemoveBookmarks(run, b => b.ActivityId == resumed.ActivityId);
            run.State.Pending = [new PendingWork(resumed.ActivityId, null)];
        }

        run.Instance.Status = WorkflowStatus.Faulted;
        _db.Incidents.Add(new WorkflowIncident
        {
            InstanceId = run.Instance.Id,
            ActivityId = activity?.Id ?? work.ActivityId,
            ActivityType = activity?.Type ?? "",
            Message = message.Length > 2000 ? message[..2000] : message,
            OccurredAtUtc = Now,
        });
        Journal(run.Instance, activity?.Id ?? work.ActivityId, activity?.Type, "Faulted", message);
    }

    private void Save(Run run)
    {
        run.Instance.State = run.State.ToJson();
        run.Instance.UpdatedAtUtc = Now;
        run.Instance.CurrentActivities = run.Instance.Status == WorkflowStatus.Faulted
            ? string.Join(",", run.State.Pending.Select(p => p.ActivityId).Distinct().Take(1))
            : string.Join(",", run.Bookmarks.Select(b => b.ActivityId).Distinct().Order(StringComparer.Ordinal));
    }

    private void Journal(WorkflowInstance instance, string? activityId, string? activityType, string what, string? detail) =>
        _db.Journal.Add(new WorkflowJournalEntry
        {
            InstanceId = instance.Id,
            AtUtc = Now,
            ActivityId = activityId,
            ActivityType = activityType,
            Event = what,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });

    private static JsonNode? InitialValue(VariableDefinition variable)
    {
        if (variable.Value is null)
        {
            return null;
        }

        return variable.Type switch
        {
            "Number" when double.TryParse(variable.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            "Boolean" when bool.TryParse(variable.Value, out var b) => JsonValue.Create(b),
            "Object" => JsonNode.Parse(variable.Value),
            _ => JsonValue.Create(variable.Value),
        };
    }

    /// <summary>One run of one instance: its definition, state, bookmarks and the queue of work.</summary>
    private sealed class Run(WorkflowInstance instance, WorkflowDefinitionDocument definition, InstanceState state, List<WorkflowBookmark> bookmarks)
    {
        public WorkflowInstance Instance { get; } = instance;

        public WorkflowDefinitionDocument Definition { get; } = definition;

        public InstanceState State { get; } = state;

        public List<WorkflowBookmark> Bookmarks { get; } = bookmarks;

        public Queue<PendingWork> Queue { get; } = new();

        public void Schedule(WorkflowDefinitionDocument definition, string activityId, IReadOnlyList<string> outcomes)
        {
            foreach (var connection in definition.Root.Connections.Where(c => c.Source.Activity == activityId && outcomes.Contains(c.Source.Port)))
            {
                Queue.Enqueue(new PendingWork(connection.Target.Activity, connection.Key));
            }
        }
    }
}
