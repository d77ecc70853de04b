using Microsoft.EntityFrameworkCore;
using Support.Kernel.Contracts;
using Support.Kernel.Persistence;

namespace Support.Kernel.Messaging;

/// <summary>
/// Put on an <see cref="IntegrationEventHandler{TEvent, TDbContext}"/> whose work the module can also do for many
/// events in one unit of work: when a batch read from an outbox holds two or more events for handlers marked with
/// the same <see cref="BatchHandler"/>, the dispatcher gives them all to one instance of it, in the order they were
/// raised. Should that fail, each event goes to its own handler again, one by one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HandledInBatchesAttribute(Type batchHandler) : Attribute
{
    /// <summary>An <see cref="IntegrationEventBatchHandler{TDbContext}"/>, created in its own scope for each batch.</summary>
    public Type BatchHandler { get; } = batchHandler;
}

/// <summary>An event given to a batch handler, with the handler it stands for (the name its inbox records).</summary>
public readonly record struct BatchedEvent(IIntegrationEvent Event, string Handler);

/// <summary>What the outbox dispatcher calls on a batch handler.</summary>
public interface IIntegrationEventBatchHandler
{
    Task HandleAsync(IReadOnlyList<BatchedEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Does the work of a module's integration-event handlers for a batch of events in one transaction. Each event
/// is handled as its own handler would: skipped when it does not concern the module or the module's inbox already
/// has it, otherwise handled and recorded in the inbox. After each event its changes are saved in the transaction
/// and the scope's contexts forget them, so that the next event reads the database as a scope of its own would.
/// A batch shares one write turn, one inbox query and one commit instead of one each per event; it either commits
/// whole or not at all.
/// </summary>
public abstract class IntegrationEventBatchHandler<TDbContext> : IIntegrationEventBatchHandler
    where TDbContext : ModuleDbContext
{
    private readonly UnitOfWork _unitOfWork;

    protected IntegrationEventBatchHandler(TDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
    {
        Db = db;
        _unitOfWork = unitOfWork;
        Clock = clock;
    }

    protected TDbContext Db { get; }

    protected TimeProvider Clock { get; }

    public async Task HandleAsync(IReadOnlyList<BatchedEvent> events, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Event.EventId).Distinct().ToList();
        var seen = (await Db.InboxMessages.AsNoTracking()
                .Where(m => ids.Contains(m.EventId))
                .Select(m => new { m.EventId, m.Handler })
                .ToListAsync(cancellationToken))
            .Select(m => (m.EventId, m.Handler))
            .ToHashSet();

        var now = Clock.GetUtcNow().UtcDateTime;
        var begun = false;
        foreach (var item in events)
        {
            // Whether an event concerns the module can depend on the events before it (an instance started by one
            // waits for the next), so it is asked in order, once those are saved. Until the first event that does,
            // it is asked before the write turn, as the one-by-one handlers do: a batch that concerns nobody takes no lock.
            if (!seen.Add((item.Event.EventId, item.Handler)) || !await IsRelevantAsync(item.Event, cancellationToken))
            {
                continue;
            }

            if (!begun)
            {
                await _unitOfWork.BeginAsync(cancellationToken);
                begun = true;
            }

            await HandleOnceAsync(item.Event, cancellationToken);
            Db.InboxMessages.Add(new InboxMessage(item.Event.EventId, item.Handler, now));
            await _unitOfWork.SaveStepAsync(cancellationToken);
        }

        if (begun)
        {
            await _unitOfWork.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Whether the event concerns the module at all (the same answer its one-by-one handler gives).</summary>
    protected virtual ValueTask<bool> IsRelevantAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>The work for one event, inside the batch's write turn; the same work its one-by-one handler does.</summary>
    protected abstract Task HandleOnceAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken);
}
