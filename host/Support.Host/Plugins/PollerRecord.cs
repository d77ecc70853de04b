namespace Support.Host.Plugins;

/// <summary>One poll's outcome as the admin plugins page shows it.</summary>
internal sealed record PollerStatus(DateTime? LastRunUtc, DateTime? LastSuccessUtc, DateTime? LastFailureUtc, string? LastError, int ConsecutiveFailures);

/// <summary>A plugin's <see cref="Support.Plugins.Abstractions.IChannelPoller"/> registration, run by <see cref="ChannelPollerRunner"/>, and how its polls went.</summary>
internal sealed class PollerRecord
{
    private PollerStatus _status = new(null, null, null, null, 0);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PollerRecord(ServiceDescriptor registration)
    {
        Registration = registration;
        Name = (registration.ImplementationType ?? registration.ImplementationInstance?.GetType())?.Name ?? "poller";
    }

    public ServiceDescriptor Registration { get; }

    /// <summary>The poller's class name (known once constructed when the plugin registered a factory).</summary>
    public string Name { get; set; }

    /// <summary>The interval the poller asked for at its last run.</summary>
    public TimeSpan? Interval { get; set; }

    public PollerStatus Status => Volatile.Read(ref _status);

    /// <summary>Completed by <see cref="Wake"/>: the runner's wait between polls ends early.</summary>
    public Task Woken => Volatile.Read(ref _wake).Task;

    /// <summary>Ends the current wait so that the poller runs now (its plugin's settings were just saved).</summary>
    public void Wake() =>
        Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public void Succeeded(DateTime now) =>
        Volatile.Write(ref _status, Status with { LastRunUtc = now, LastSuccessUtc = now, ConsecutiveFailures = 0 });

    public void Failed(DateTime now, string error) =>
        Volatile.Write(ref _status, Status with { LastRunUtc = now, LastFailureUtc = now, LastError = error, ConsecutiveFailures = Status.ConsecutiveFailures + 1 });
}
