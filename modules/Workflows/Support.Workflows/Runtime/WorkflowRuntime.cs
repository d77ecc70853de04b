using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
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
    private readonly WorkflowsDbContext _db;
    private readonly WorkflowRunner _runner;

    /// <summary>Instances started in this scope and not yet saved (a query would not see them).</summary>
    private readonly HashSet<(string DefinitionId, string CorrelationId)> _startedInScope = [];

    public WorkflowRuntime(WorkflowsDbContext db, WorkflowRunner runner)
    {
        _db = db;
        _runner = runner;
    }

    /// <summary>Starts the definitions <paramref name="stimulus"/> triggers and resumes the instances waiting for it; returns how many instances it touched.</summary>
    public async Task<int> DeliverAsync(string stimulus, string? correlationId, IReadOnlyDictionary<string, object?> payload, CancellationToken cancellationToken)
    {
        var eventJson = JsonSerializer.SerializeToNode(payload, JsonSerializerOptions.Web) as JsonObject ?? [];
        eventJson["name"] = stimulus;
        var touched = 0;

        if (correlationId is not null)
        {
            var hash = WorkflowRunner.HashOf(stimulus, correlationId);
            var bookmarks = await _db.Bookmarks.Where(b => b.Stimulus == stimulus && b.Hash == hash).OrderBy(b => b.Id).ToListAsync(cancellationToken);
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

        var triggers = await _db.Triggers.AsNoTracking().Where(t => t.Stimulus == stimulus).ToListAsync(cancellationToken);
        foreach (var trigger in triggers)
        {
            if (correlationId is not null
                && (_startedInScope.Contains((trigger.DefinitionId, correlationId))
                    || await _db.Instances.AnyAsync(i => i.DefinitionId == trigger.DefinitionId && i.CorrelationId == correlationId, cancellationToken)))
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
    public async Task<bool> HasListenersAsync(string stimulus, string? correlationId, CancellationToken cancellationToken)
    {
        if (await _db.Triggers.AnyAsync(t => t.Stimulus == stimulus, cancellationToken))
        {
            return true;
        }

        if (correlationId is null)
        {
            return false;
        }

        var hash = WorkflowRunner.HashOf(stimulus, correlationId);
        return await _db.Bookmarks.AnyAsync(b => b.Stimulus == stimulus && b.Hash == hash, cancellationToken);
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

    /// <summary>Fires a claimed timer: resumes its bookmark. False when the claim was lost or the timer is gone.</summary>
    public async Task<bool> FireTimerAsync(long timerId, string claim, CancellationToken cancellationToken)
    {
        var timer = await _db.Timers.Include(t => t.Bookmark).SingleOrDefaultAsync(t => t.Id == timerId && t.LeaseOwner == claim, cancellationToken);
        if (timer is null)
        {
            return false;
        }

        var bookmark = timer.Bookmark;
        _db.Timers.Remove(timer);
        if (bookmark is not null)
        {
            await _runner.ResumeAsync(bookmark, null, cancellationToken);
        }

        return true;
    }
}
