using Support.Plugins.Abstractions;

namespace Support.Host.Plugins;

/// <summary>
/// Runs every loaded plugin's <see cref="IChannelPoller"/> in the background, each in its own loop: a poll,
/// then the poller's interval, until the host stops. A poller that throws (or cannot be constructed) is
/// logged and recorded for the admin plugins page, and tried again after its interval; the others go on.
/// A singleton poller is constructed once; a scoped or transient one for each poll, in a scope of its own.
/// </summary>
internal sealed partial class ChannelPollerRunner : BackgroundService
{
    /// <summary>The wait when a poller gives no usable interval (or could not even be constructed).</summary>
    internal static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    private readonly PluginCatalog _plugins;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<ChannelPollerRunner> _log;

    public ChannelPollerRunner(PluginCatalog plugins, IServiceProvider services, TimeProvider clock, ILogger<ChannelPollerRunner> log)
    {
        _plugins = plugins;
        _services = services;
        _clock = clock;
        _log = log;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_plugins.Loaded.SelectMany(plugin => plugin.Pollers.Select(poller => RunAsync(plugin, poller, stoppingToken))));

    private async Task RunAsync(PluginRecord plugin, PollerRecord record, CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting while the first polls run.
        await Task.Yield();
        object? singleton = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var interval = record.Interval ?? DefaultInterval;

                // Taken before the poll, so that settings saved while it runs still end the wait after it.
                var woken = record.Woken;
                try
                {
                    if (record.Registration.Lifetime == ServiceLifetime.Singleton)
                    {
                        singleton ??= PluginCatalog.Construct(record.Registration, _services);
                        interval = await PollOnceAsync(record, (IChannelPoller)singleton, stoppingToken);
                    }
                    else
                    {
                        await using var scope = _services.CreateAsyncScope();
                        interval = await PollOnceAsync(record, (IChannelPoller)PluginCatalog.Construct(record.Registration, scope.ServiceProvider), stoppingToken);
                    }

                    record.Succeeded(_clock.GetUtcNow().UtcDateTime);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    var error = $"{exception.GetType().Name}: {exception.Message}";
                    record.Failed(_clock.GetUtcNow().UtcDateTime, error);
                    PollFailed(_log, exception, record.Name, plugin.Name, error);
                }

                // The wait ends early when the plugin's settings are saved, so that the next poll runs with them now.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(Task.Delay(interval, _clock, wait.Token), woken);
                await wait.CancelAsync();
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            switch (singleton)
            {
                case IAsyncDisposable asyncDisposable when record.Registration.ImplementationInstance is null:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable when record.Registration.ImplementationInstance is null:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static async Task<TimeSpan> PollOnceAsync(PollerRecord record, IChannelPoller poller, CancellationToken stoppingToken)
    {
        var interval = poller.Interval > TimeSpan.Zero ? poller.Interval : DefaultInterval;
        record.Name = poller.GetType().Name;
        record.Interval = interval;
        await poller.PollAsync(stoppingToken);
        return interval;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poller {Poller} of plugin {Plugin} failed; it runs again after its interval: {Error}")]
    private static partial void PollFailed(ILogger logger, Exception exception, string poller, string plugin, string error);
}
