namespace Support.Kernel.Caching;

/// <summary>
/// A value read from the database and kept until <see cref="Invalidate"/> (called when the data is
/// saved) or at most <c>lifetime</c> (changes made by another host). A read that was under way when
/// the value was invalidated is returned to its caller but not kept, so a stale value never
/// outlives the change that made it stale.
/// </summary>
public class SnapshotCache<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private T? _value;
    private DateTimeOffset _readAt;
    private long _version;

    public SnapshotCache(TimeProvider clock, TimeSpan lifetime)
    {
        _clock = clock;
        _lifetime = lifetime;
    }

    /// <summary>The kept value while it is fresh; otherwise reads it with <paramref name="read"/>.</summary>
    public async Task<T> GetOrReadAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        long version;
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (_value is not null && now - _readAt < _lifetime)
            {
                return _value;
            }

            version = _version;
        }

        var value = await read(cancellationToken);
        lock (_lock)
        {
            if (version == _version)
            {
                _value = value;
                _readAt = now;
            }
        }

        return value;
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _version++;
            _value = null;
        }
    }
}
