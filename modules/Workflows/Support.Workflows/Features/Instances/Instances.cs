using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;
using Support.Workflows.Data;
using Support.Workflows.Runtime;

namespace Support.Workflows.Features.Instances;

/// <summary>Instances, newest activity first, filtered by status, definition and correlation; 50 per page.</summary>
internal sealed record InstanceListQuery(WorkflowStatus? Status, string? DefinitionId, string? Correlation, int Page = 1) : IRequest<IReadOnlyList<WorkflowInstance>>
{
    public const int PageSize = 50;
}

internal sealed class InstanceListQueryHandler(WorkflowsDbContext db) : IRequestHandler<InstanceListQuery, IReadOnlyList<WorkflowInstance>>
{
    public async Task<IReadOnlyList<WorkflowInstance>> Handle(InstanceListQuery request, CancellationToken cancellationToken)
    {
        var query = db.Instances.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == request.DefinitionId);
        }

        if (!string.IsNullOrWhiteSpace(request.Correlation))
        {
            query = query.Where(i => i.CorrelationId == request.Correlation.Trim());
        }

        return await query.OrderByDescending(i => i.UpdatedAtUtc).ThenByDescending(i => i.Id)
            .Skip((Math.Max(request.Page, 1) - 1) * InstanceListQuery.PageSize).Take(InstanceListQuery.PageSize)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>An instance with its journal, incidents and what it waits for.</summary>
internal sealed record InstanceQuery(string Id) : IRequest<InstanceDetails?>;

internal sealed record InstanceDetails(WorkflowInstance Instance, InstanceState State, IReadOnlyList<WorkflowJournalEntry> Journal, IReadOnlyList<WorkflowIncident> Incidents, IReadOnlyList<(WorkflowBookmark Bookmark, DateTime? DueAtUtc)> Waits);

internal sealed class InstanceQueryHandler(WorkflowsDbContext db) : IRequestHandler<InstanceQuery, InstanceDetails?>
{
    public async Task<InstanceDetails?> Handle(InstanceQuery request, CancellationToken cancellationToken)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.Id, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var journal = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.InstanceId == instance.Id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instance.Id).OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToDictionaryAsync(t => t.BookmarkId, t => t.DueAtUtc, cancellationToken);
        return new InstanceDetails(instance, InstanceState.Parse(instance.State), journal, incidents,
            [.. bookmarks.Select(b => (b, timers.TryGetValue(b.Id, out var due) ? due : (DateTime?)null))]);
    }
}

/// <summary>An admin cancels an instance, retries a faulted one, or starts a definition by hand.</summary>
internal sealed record CancelInstanceCommand(string Id) : IRequest<Unit>;

internal sealed record RetryInstanceCommand(string Id) : IRequest<Unit>;

internal sealed record StartInstanceCommand(string DefinitionId, string? CorrelationId) : IRequest<string>;

internal sealed class InstanceCommandsHandler(WorkflowsDbContext db, WorkflowRunner runner, WorkflowRuntime runtime, UnitOfWork unitOfWork) :
    IRequestHandler<CancelInstanceCommand, Unit>,
    IRequestHandler<RetryInstanceCommand, Unit>,
    IRequestHandler<StartInstanceCommand, string>
{
    public async Task<Unit> Handle(CancelInstanceCommand request, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        var instance = await db.Instances.SingleAsync(i => i.Id == request.Id, cancellationToken);
        if (instance.Status is WorkflowStatus.Running or WorkflowStatus.Suspended or WorkflowStatus.Faulted)
        {
            await runner.CancelAsync(instance, cancellationToken);
        }

        return Unit.Value;
    }

    public async Task<Unit> Handle(RetryInstanceCommand request, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        var instance = await db.Instances.SingleAsync(i => i.Id == request.Id, cancellationToken);
        if (instance.Status == WorkflowStatus.Faulted)
        {
            await runner.RetryAsync(instance, cancellationToken);
        }

        return Unit.Value;
    }

    public async Task<string> Handle(StartInstanceCommand request, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        return (await runtime.StartManuallyAsync(request.DefinitionId, request.CorrelationId, cancellationToken)).Id;
    }
}
