using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Messaging;

namespace Support.Kernel.Persistence;

/// <summary>
/// The module DbContexts opened in the current scope. Committing saves all of them in one transaction
/// on the scope's shared connection, then wakes the outbox dispatcher. A handler that must save in
/// steps (to learn generated ids) begins the transaction first: every step then commits or rolls back
/// together.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private readonly ScopedConnection _connection;
    private readonly OutboxSignal _outboxSignal;
    private readonly SqliteWriteGate _writeGate;
    private DbTransaction? _transaction;

    public UnitOfWork(ScopedConnection connection, OutboxSignal outboxSignal, SqliteWriteGate writeGate)
    {
        _connection = connection;
        _outboxSignal = outboxSignal;
        _writeGate = writeGate;
    }

    internal void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
        }
    }

    /// <summary>
    /// Starts the scope's transaction (taking SQLite's write lock at once, so that reading then writing
    /// cannot fail half-way): saves made before <see cref="CommitAsync"/> become permanent only with it.
    /// </summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            return;
        }

        _transaction = await OpenConnectionAndBeginAsync(cancellationToken);
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var changed = _contexts.Where(c => c.ChangeTracker.HasChanges()).ToList();
        if (_transaction is null)
        {
            if (changed.Count == 0)
            {
                return;
            }

            if (changed.Count == 1)
            {
                await changed[0].SaveChangesAsync(cancellationToken);
                _outboxSignal.Notify();
                return;
            }

            // Several modules' changes: one transaction for all of them.
            await BeginAsync(cancellationToken);
        }

        try
        {
            foreach (var context in changed)
            {
                await context.SaveChangesAsync(cancellationToken);
            }

            await _transaction!.CommitAsync(cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        await ReleaseTransactionAsync(cancellationToken);
        _outboxSignal.Notify();
    }

    /// <summary>
    /// Gives up what the scope has done so far: rolls back the transaction if one was begun and forgets
    /// every change tracked by the scope's contexts, so that a handler can start again (for instance
    /// after losing a race for a unique value).
    /// </summary>
    public async Task DiscardAsync()
    {
        await DisposeAsync();
        foreach (var context in _contexts)
        {
            context.ChangeTracker.Clear();
        }
    }

    /// <summary>Rolls back a transaction that was begun and never committed (the handler failed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync();
            await ReleaseTransactionAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        if (_transaction is not null)
        {
            try
            {
                _transaction.Rollback();
                foreach (var context in _contexts)
                {
                    DetachQuietly(() => context.Database.UseTransaction(null));
                }

                _transaction.Dispose();
            }
            finally
            {
                _transaction = null;
                _writeGate.Release();
            }
        }
    }

    private async Task<DbTransaction> OpenConnectionAndBeginAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = _connection.Connection;
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(cancellationToken);
            }

            return await connection.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    private async Task ReleaseTransactionAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var context in _contexts)
            {
                try
                {
                    await context.Database.UseTransactionAsync(null, cancellationToken);
                }
                catch (ObjectDisposedException)
                {
                    // See DetachQuietly.
                }
            }

            await _transaction!.DisposeAsync();
        }
        finally
        {
            // Whatever happened, the next writer of the process must not wait for this one forever.
            _transaction = null;
            _writeGate.Release();
        }
    }

    /// <summary>
    /// The scope disposes its contexts before the unit of work (they were created after it), so a rollback at
    /// scope end finds them disposed; they no longer need detaching from the transaction.
    /// </summary>
    private static void DetachQuietly(Action detach)
    {
        try
        {
            detach();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
