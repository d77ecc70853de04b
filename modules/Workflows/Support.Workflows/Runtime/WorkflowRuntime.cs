using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Contracts;
using Support.Workflows.Contracts;
using Support.Workflows.Data;
using Support.Workflows.Definitions;

namespace Support.Workflows.Runtime;

/// <summary>
/// Delivers stimuli to workflows: starts the published definitions they trigger (one instance per
/// correlation and definition) and resumes the bookmarks that wait for them. Changes are staged in the
/// scope; the caller's unit of work commits them.
/// </summary>
internal sealed class WorkflowRuntime
{
    // Compiled: every ticket event asks them (most events have no listener and stop there).
    private static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<bool>> Triggered =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string stimulus, CancellationToken _) => db.Triggers.Any(t => t.Stimulus == stimulus));

    private static readonly Func<WorkflowsDbContext, string, string, CancellationToken, Task<bool>> Awaited =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string stimulus, string hash, CancellationToken _) => db.Bookmarks.Any(b => b.Stimulus == stimulus && b.Hash == hash));

    // Compiled too: a delivery reads them under the write lock, where EF's expression processing would lengthen the wait of every writer.
    private static readonly Func<WorkflowsDbContext, string, string, IAsyncEnumerable<WorkflowBookmark>> Waiting =
        EF.CompileAsyncQuery<WorkflowsDbContext, string, string, WorkflowBookmark>((db, stimulus, hash) => db.Bookmarks.Where(b => b.Stimulus == stimulus && b.Hash == hash).OrderBy(b => b.Id));

    private static readonly Func<WorkflowsDbContext, string, IAsyncEnumerable<WorkflowTrigger>> Triggers =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string stimulus) => db.Triggers.AsNoTracking().Where(t => t.Stimulus == stimulus));

    private static readonly Func<WorkflowsDbContext, string, string, CancellationToken, Task<bool>> Started =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string definitionId, string correlationId, CancellationToken _) => db.Instances.Any(i => i.DefinitionId == definitionId && i.CorrelationId == correlationId));

    private readonly WorkflowsDbContext _db;
    private readonly WorkflowRunner _runner;
    private readonly ActivityRegistry _registry;

    /// <summary>Whether a published definition starts on a stimulus, asked once per scope (a batch of events asks it once).</summary>
    private readonly Dictionary<string, bool> _triggered = new(StringComparer.Ordinal);

    /// <summary>Instances started in this scope and not yet saved (a query would not see them).</summary>
    private readonly HashSet<(string DefinitionId, string CorrelationId)> _startedInScope = [];

    public WorkflowRuntime(WorkflowsDbContext db, WorkflowRunner runner, ActivityRegistry registry)
    {
        _db = db;
        _runner = runner;
        _registry = registry;
    }

    /// <summary>
    /// Whether an integration event starts or resumes anything: most do not (no published definition is triggered
    /// by them, no instance waits for them about this ticket), and those are dropped before any write.
    /// </summary>
    public async ValueTask<bool> ListensToAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var stimulus in StimuliOf(integrationEvent))
        {
            if (await HasListenersAsync(stimulus.Name, stimulus.Correlation(integrationEvent), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Delivers an integration event as each stimulus registered for its type; the caller holds the write turn.</summary>
    public async Task DeliverEventAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        foreach (var stimulus in StimuliOf(integrationEvent))
        {
            await DeliverAsync(stimulus.Name, stimulus.Correlation(integrationEvent), stimulus.Payload(integrationEvent), cancellationToken);
        }
    }

    private IEnumerable<WorkflowStimulus> StimuliOf(IIntegrationEvent integrationEvent) =>
        _registry.Stimuli.Where(s => s.EventType == integrationEvent.GetType());

    /// <summary>Starts the definitions <paramref name="stimulus"/> triggers and resumes the instances waiting for it; returns how many instances it touched.</summary>
    public async Task<int> DeliverAsync(string stimulus, string? correlationId, IReadOnlyDictionary<string, object?> payload, CancellationToken cancellationToken)
    {
        var eventJson = JsonSerializer.SerializeToNode(payload, JsonSerializerOptions.Web) as JsonObject ?? [];
        eventJson["name"] = stimulus;
        var touched = 0;

        if (correlationId is not null)
        {
            var hash = WorkflowRunner.HashOf(stimulus, correlationId);
            var bookmarks = await Waiting(_db, stimulus, hash).ToListAsync(cancellationToken);
            foreach (var bookmark in bookmarks)
            {
                // An earlier resume in this delivery may have removed it (two bookmarks of one activity).
                if (_db.Entry(bookmark).State != EntityState.Deleted)
                {
                    await _runner.ResumeAsync(bookmark, (JsonObject)eventJson.DeepClone(), cancellationToken);
                    touched++;
                }
            }
        }

        var triggers = await Triggers(_db, stimulus).ToListAsync(cancellationToken);
        foreach (var trigger in triggers)
        {
            if (correlationId is not null
                && (_startedInScope.Contains((trigger.DefinitionId, correlationId))
                    || await Started(_db, trigger.DefinitionId, correlationId, cancellationToken)))
            {
                continue;
            }

            if (correlationId is not null)
            {
                _startedInScope.Add((trigger.DefinitionId, correlationId));
            }

            var version = await _runner.VersionAsync(trigger.DefinitionVersionId, cancellationToken);
            await _runner.StartAsync(version, correlationId, trigger.ActivityId, (JsonObject)eventJson.DeepClone(), triggered: true, cancellationToken);
            touched++;
        }

        return touched;
    }

    /// <summary>Whether a published definition starts on <paramref name="stimulus"/> or an instance waits for it with this correlation.</summary>
    private async Task<bool> HasListenersAsync(string stimulus, string? correlationId, CancellationToken cancellationToken)
    {
        if (!_triggered.TryGetValue(stimulus, out var triggered))
        {
            _triggered[stimulus] = triggered = await Triggered(_db, stimulus, cancellationToken);
        }

        if (triggered)
        {
            return true;
        }

        if (correlationId is null)
        {
            return false;
        }

        var hash = WorkflowRunner.HashOf(stimulus, correlationId);
        return await Awaited(_db, stimulus, hash, cancellationToken);
    }

    /// <summary>Starts the published version of a definition from its Start activity (an admin's manual start).</summary>
    public async Task<WorkflowInstance> StartManuallyAsync(string definitionId, string? correlationId, CancellationToken cancellationToken)
    {
        var version = await _db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken)
            ?? throw new InvalidOperationException("The workflow has no published version.");
        var definition = WorkflowDefinitionDocument.Parse(version.Json);
        var start = definition.Root.Activities.FirstOrDefault(a => a.Type == "Start")
            ?? throw new InvalidOperationException("The workflow has no Start activity; it starts on an event.");
        var correlation = string.IsNullOrWhiteSpace(correlationId) ? null : correlationId.Trim();
        if (correlation is not null && await _db.Instances.AnyAsync(i => i.DefinitionId == definitionId && i.CorrelationId == correlation, cancellationToken))
        {
            throw new InvalidOperationException("The workflow already has an instance with this correlation.");
        }

        return await _runner.StartAsync(version, correlation, start.Id, null, triggered: false, cancellationToken);
    }

    /// <summary>
    /// Fires claimed timers in the caller's unit of work: resumes each timer's bookmark, earliest first. The timers,
    /// their instances and those instances' bookmarks are read with one query each, not per timer. Returns how
    /// many fired: a timer whose claim was lost, or whose wait an earlier timer of the batch ended, does not.
    /// </summary>
    public async Task<int> FireTimersAsync(IReadOnlyCollection<long> timerIds, string claim, CancellationToken cancellationToken)
    {
        var timers = await _db.Timers.Include(t => t.Bookmark)
            .Where(t => timerIds.Contains(t.Id) && t.LeaseOwner == claim)
            .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var instanceIds = timers.Select(t => t.InstanceId).Distinct().ToList();
        await _db.Instances.Where(i => instanceIds.Contains(i.Id)).LoadAsync(cancellationToken);
        var bookmarks = await _db.Bookmarks.Where(b => instanceIds.Contains(b.InstanceId)).ToListAsync(cancellationToken);
        _runner.UseLoadedBookmarks(instanceIds, bookmarks);

        var fired = 0;
        foreach (var timer in timers)
        {
            // An earlier timer of the batch ended this wait (WaitAny, Finish): its bookmark went, and the timer with it.
            if (_db.Entry(timer).State == EntityState.Deleted
                || timer.Bookmark is null
                || _db.Entry(timer.Bookmark).State == EntityState.Deleted)
            {
                continue;
            }

            _db.Timers.Remove(timer);
            await _runner.ResumeAsync(timer.Bookmark, null, cancellationToken);
            fired++;
        }

        return fired;
    }
}
