namespace Support.Kernel.Messaging;

/// <summary>Wakes a background worker as soon as there is work, instead of waiting for its next poll.</summary>
public class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread notified at the same moment; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _semaphore.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Signals the outbox dispatcher that events were committed, and in which modules' outboxes.</summary>
public sealed class OutboxSignal : WorkSignal
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, byte> _committed = new();

    /// <summary>Events were committed to the outbox of the module whose DbContext is <paramref name="contextType"/>.</summary>
    public void Notify(Type contextType)
    {
        _committed[contextType] = 0;
        Notify();
    }

    /// <summary>Whether events were committed to that module's outbox since the last call (and forgets it).</summary>
    internal bool TakeCommitted(Type contextType) => _committed.TryRemove(contextType, out _);
}
