namespace Support.Kernel.Messaging;

/// <summary>How the outbox dispatcher behaves (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Whether this host dispatches events; several hosts may share a database and all dispatch.</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>How often the outbox is read when nothing signals new events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first retry delay; it doubles with each failed attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How many events of a batch with different ordering keys are handled at the same time. Each handler's unit
    /// of work queues for the write lock behind the requests' writes: with 8 at a time, a burst of new tickets
    /// (32 customers at once) was followed by about 200 SLA workflow starts a second and the backlog grew; with 32,
    /// the workflows keep pace with the tickets (docs/benchmarks.md, "Ticketing under load").
    /// </summary>
    public int Concurrency { get; set; } = 32;
}
