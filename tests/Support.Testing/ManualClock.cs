namespace Support.Testing;

/// <summary>
/// The product's clock, moved by the test: register it with
/// <c>host.WithServices(s =&gt; s.AddSingleton&lt;TimeProvider&gt;(clock))</c>. Only the current time is manual;
/// timers and delays still run in real time, so background workers keep polling.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTime UtcNow => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);

    /// <summary>Moves the clock to an instant (forward or back).</summary>
    public void Set(DateTime utc) => Interlocked.Exchange(ref _ticks, DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks);
}
