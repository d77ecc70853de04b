using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Support.Kernel.Messaging;

/// <summary>
/// A background worker that works in passes: after a pass that found nothing it sleeps until its
/// signal or its poll interval, whichever comes first; a failed pass is logged and retried later.
/// </summary>
internal abstract partial class PollingWorker : BackgroundService
{
    private readonly WorkSignal _signal;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    protected PollingWorker(WorkSignal signal, TimeProvider clock, ILogger logger)
    {
        _signal = signal;
        _clock = clock;
        _logger = logger;
    }

    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Whether this host runs the worker at all.</summary>
    protected virtual bool IsEnabled => true;

    /// <summary>Runs once before the first pass.</summary>
    protected virtual void OnStarting()
    {
    }

    /// <summary>Does the due work; returns how many items it attempted (0 means "sleep").</summary>
    protected abstract Task<int> RunPassAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled)
        {
            return;
        }

        await Task.Yield();
        OnStarting();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunPassAsync(stoppingToken) == 0)
                {
                    await _signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception, GetType().Name);
                await Task.Delay(PollInterval, _clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of {Worker} failed; retrying after the poll interval")]
    private partial void LogPassFailed(Exception exception, string worker);
}
