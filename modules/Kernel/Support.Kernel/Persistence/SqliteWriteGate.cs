using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Support.Kernel.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Without this gate, concurrent writers in the process collide on
/// the file lock and Microsoft.Data.Sqlite retries with <c>Thread.Sleep</c>, blocking thread-pool
/// threads (the writer holding the lock then waits for a thread to finish). Writers queue here
/// asynchronously instead, in arrival order, so the file lock is never contended within the process.
/// A writer of a <see cref="WriteGroup"/> can pass the gate straight to the next writer in the queue
/// when that one joins the group too, so that their transactions are committed together.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly Lock _sync = new();
    private readonly LinkedList<Waiter> _queue = new();
    private bool _held;

    /// <summary>Writers waiting for the gate.</summary>
    internal int Queued
    {
        get
        {
            lock (_sync)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Waits for the gate; no group transaction is open when it is granted.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => EnterAsync(grouped: false, cancellationToken);

    /// <summary>Gives the gate to the next writer in the queue, or frees it.</summary>
    public void Release()
    {
        Waiter? next;
        lock (_sync)
        {
            next = DequeueLocked();
            if (next is null)
            {
                _held = false;
                return;
            }
        }

        next.Grant();
    }

    internal Task EnterGroupedAsync(CancellationToken cancellationToken) => EnterAsync(grouped: true, cancellationToken);

    /// <summary>Passes the gate to the next writer if it joins the group too; otherwise keeps it and answers false.</summary>
    internal bool TryPassToGrouped()
    {
        Waiter? next;
        lock (_sync)
        {
            if (_queue.First is not { Value.Grouped: true })
            {
                return false;
            }

            next = DequeueLocked();
        }

        next!.Grant();
        return true;
    }

    private Task EnterAsync(bool grouped, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        Waiter waiter;
        lock (_sync)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            waiter = new Waiter(grouped);
            waiter.Node = _queue.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }

        return waiter.Task;
    }

    private Waiter? DequeueLocked()
    {
        var first = _queue.First;
        if (first is null)
        {
            return null;
        }

        _queue.RemoveFirst();
        return first.Value;
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (waiter.Node.List is null)
            {
                return; // already granted
            }

            _queue.Remove(waiter.Node);
        }

        waiter.Cancel(cancellationToken);
    }

    private sealed class Waiter(bool grouped)
    {
        // Completed from a work item of its own (see Grant), so its continuation may run inline there.
        private readonly TaskCompletionSource _granted = new();

        public bool Grouped { get; } = grouped;

        public LinkedListNode<Waiter> Node { get; set; } = null!;

        public CancellationTokenRegistration Registration { get; set; }

        public Task Task => _granted.Task;

        /// <summary>
        /// Resumes the waiter next on the granting thread (its local queue, served first) rather than at
        /// the back of the thread pool's queue: under load that queue holds other requests' work, and the
        /// lock would sit unused while it drains.
        /// </summary>
        public void Grant()
        {
            Registration.Unregister();
            ThreadPool.UnsafeQueueUserWorkItem(static waiter => waiter._granted.TrySetResult(), this, preferLocal: true);
        }

        public void Cancel(CancellationToken cancellationToken) => _granted.TrySetCanceled(cancellationToken);
    }
}

/// <summary>Passes a SaveChanges that runs outside the unit of work's transaction through the write gate.</summary>
internal sealed class SqliteWriteGateInterceptor : SaveChangesInterceptor
{
    private readonly SqliteWriteGate _gate;
    private readonly ConcurrentDictionary<DbContext, bool> _holders = new();

    public SqliteWriteGateInterceptor(SqliteWriteGate gate) => _gate = gate;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await _gate.WaitAsync(cancellationToken);
            _holders[context] = true;
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            _gate.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
            _holders[context] = true;
        }

        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context);

    private void Leave(DbContext? context)
    {
        if (context is not null && _holders.TryRemove(context, out _))
        {
            _gate.Release();
        }
    }
}
