using Microsoft.EntityFrameworkCore;
using Support.Kernel.Messaging;

namespace Support.Kernel.Persistence;

/// <summary>
/// The module DbContexts opened in the current scope. Committing saves all of them in one transaction,
/// then wakes the outbox dispatcher. A handler that must save in steps (to learn generated ids) begins
/// the transaction first: every step then commits or rolls back together. A begun transaction is the
/// unit's savepoint in the process's <see cref="WriteGroup"/> (group commit): the scope's contexts
/// work on the group's connection until the unit completes, and the commit returns once the group's
/// transaction is on disk.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private readonly ScopedConnection _connection;
    private readonly OutboxSignal _outboxSignal;
    private readonly WriteGroup _group;
    private WriteTurn? _turn;

    public UnitOfWork(ScopedConnection connection, OutboxSignal outboxSignal, WriteGroup group)
    {
        _connection = connection;
        _outboxSignal = outboxSignal;
        _group = group;
    }

    internal void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_turn is not null)
        {
            Attach(context, _turn);
        }
    }

    /// <summary>
    /// Starts the scope's transaction (taking SQLite's write lock at once, so that reading then writing
    /// cannot fail half-way): saves made before <see cref="CommitAsync"/> become permanent only with it.
    /// </summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_turn is not null)
        {
            return;
        }

        _turn = await _group.JoinAsync(cancellationToken);
        try
        {
            foreach (var context in _contexts)
            {
                Attach(context, _turn);
            }
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>
    /// Ends one step of a begun unit: its changes are written into the transaction (permanent only with
    /// <see cref="CommitAsync"/>) and the scope's contexts forget what they track, so that the next step
    /// reads the database as a scope of its own would and the change tracker does not grow with every step.
    /// </summary>
    public async Task SaveStepAsync(CancellationToken cancellationToken)
    {
        if (_turn is null)
        {
            throw new InvalidOperationException("A step is saved inside a begun unit of work.");
        }

        try
        {
            foreach (var context in _contexts)
            {
                if (context.ChangeTracker.HasChanges())
                {
                    await context.SaveChangesAsync(cancellationToken);
                }

                context.ChangeTracker.Clear();
            }
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var changed = _contexts.Where(c => c.ChangeTracker.HasChanges()).ToList();
        if (_turn is null)
        {
            if (changed.Count == 0)
            {
                return;
            }

            // Even one context's changes go through the group: a plain save would take the write lock on
            // its own and make the open group commit before it.
            await BeginAsync(cancellationToken);
        }

        try
        {
            foreach (var context in changed)
            {
                await context.SaveChangesAsync(cancellationToken);
            }
        }
        catch
        {
            Abandon();
            throw;
        }

        var turn = _turn!;
        DetachAll();
        _turn = null;
        await _group.CompleteAsync(turn);
        foreach (var context in _contexts)
        {
            // Every context of the scope: events saved by an intermediate save are not among the changes left now.
            if (context is ModuleDbContext { EventsAdded: true } module)
            {
                module.EventsAdded = false;
                _outboxSignal.Notify(module.GetType());
            }
        }
    }

    /// <summary>
    /// Gives up what the scope has done so far: rolls back the transaction if one was begun and forgets
    /// every change tracked by the scope's contexts, so that a handler can start again (for instance
    /// after losing a race for a unique value).
    /// </summary>
    public Task DiscardAsync()
    {
        Abandon();
        foreach (var context in _contexts)
        {
            context.ChangeTracker.Clear();
        }

        return Task.CompletedTask;
    }

    /// <summary>Rolls back a transaction that was begun and never committed (the handler failed).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        // The scope has already returned its contexts to their pools (they are created after the unit of
        // work, so disposed before it); another scope may be using them now, so they are not touched.
        _contexts.Clear();
        Abandon();
    }

    private void Abandon()
    {
        if (_turn is { } turn)
        {
            // Whatever happened, the group and the next writer of the process must not wait for this unit forever.
            _turn = null;
            DetachAll();
            _group.Abandon(turn);
        }
    }

    /// <summary>
    /// Puts the context on the group's connection and transaction. EF's own savepoint around each save
    /// is switched off meanwhile: the unit's savepoint already undoes a failed save, because a save that
    /// fails inside a unit of work fails the unit (or the handler discards it and starts again), and the
    /// two extra statements per save were a measurable part of the time the write lock is held.
    /// </summary>
    private static void Attach(DbContext context, WriteTurn turn)
    {
        context.Database.SetDbConnection(turn.Connection);
        context.Database.UseTransaction(turn.Transaction);
        context.Database.AutoSavepointsEnabled = false;
    }

    private void DetachAll()
    {
        foreach (var context in _contexts)
        {
            context.Database.AutoSavepointsEnabled = true;
            context.Database.UseTransaction(null);
            context.Database.SetDbConnection(_connection.Connection);
        }
    }
}
