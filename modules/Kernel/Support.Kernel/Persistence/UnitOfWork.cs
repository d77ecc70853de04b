using Microsoft.EntityFrameworkCore;
using Support.Kernel.Messaging;

namespace Support.Kernel.Persistence;

/// <summary>
/// The module DbContexts opened in the current scope. Committing saves all of them in one transaction
/// on the scope's shared connection, then wakes the outbox dispatcher.
/// </summary>
public sealed class UnitOfWork
{
    private readonly List<DbContext> _contexts = [];
    private readonly ScopedConnection _connection;
    private readonly OutboxSignal _outboxSignal;

    public UnitOfWork(ScopedConnection connection, OutboxSignal outboxSignal)
    {
        _connection = connection;
        _outboxSignal = outboxSignal;
    }

    internal void Enlist(DbContext context) => _contexts.Add(context);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var changed = _contexts.Where(c => c.ChangeTracker.HasChanges()).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        if (changed.Count == 1)
        {
            await changed[0].SaveChangesAsync(cancellationToken);
        }
        else
        {
            var connection = _connection.Connection;
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync(cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var context in changed)
            {
                await context.Database.UseTransactionAsync(transaction, cancellationToken);
                await context.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            foreach (var context in changed)
            {
                await context.Database.UseTransactionAsync(null, cancellationToken);
            }
        }

        _outboxSignal.Notify();
    }
}
