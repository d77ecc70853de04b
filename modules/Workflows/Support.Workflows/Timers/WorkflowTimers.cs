using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;
using Support.Workflows.Data;
using Support.Workflows.Runtime;

namespace Support.Workflows.Timers;

/// <summary>Settings of the timer scheduler (section <c>Workflows:Timers</c>).</summary>
internal sealed class TimerOptions
{
    public const string SectionName = "Workflows:Timers";

    /// <summary>Whether this host fires timers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest sleep between two looks at the timer table.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timers claimed per pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The pause after a full batch, so that a backlog of past-due timers is worked off in steps.</summary>
    public TimeSpan StaggerDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a claim holds; a host that stops mid-batch leaves its timers to others after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Wakes the timer worker when a timer is created, in case it is due before the next poll.</summary>
internal sealed class TimerSignal : WorkSignal;

/// <summary>
/// Fires due timers. A pass claims up to a batch of due, unclaimed timers with one conditional UPDATE (so two
/// hosts never claim the same timer), then fires them in one transaction, deleting each timer only if this
/// pass still holds its claim: each timer fires once.
/// </summary>
internal sealed partial class TimerScheduler
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly TimerOptions _options;
    private readonly ILogger<TimerScheduler> _logger;

    public TimerScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<TimerOptions> options, ILogger<TimerScheduler> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Claims and fires one batch of due timers; returns how many it fired.</summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid().ToString("N");
        var now = _clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + _options.Lease;
        List<long> claimed;
        using (var scope = _scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var count = await db.Timers
                .Where(t => t.DueAtUtc <= now && (t.LeaseUntilUtc == null || t.LeaseUntilUtc < now))
                .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id)
                .Take(_options.BatchSize)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, claim).SetProperty(t => t.LeaseUntilUtc, leaseUntil), cancellationToken);
            if (count == 0)
            {
                return 0;
            }

            claimed = await db.Timers.AsNoTracking().Where(t => t.LeaseOwner == claim).OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }

        try
        {
            return await FireInOneTransactionAsync(claimed, claim, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The batch rolled back as a whole; fire its timers one by one so that one bad timer holds up no other.
            LogBatchFailed(exception, claimed.Count);
        }

        var fired = 0;
        foreach (var id in claimed)
        {
            try
            {
                fired += await FireInOneTransactionAsync([id], claim, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogTimerFailed(exception, id);
            }
        }

        return fired;
    }

    /// <summary>
    /// Fires timers in one transaction (one disk flush for the whole batch). A timer is fired only while this
    /// pass still holds its claim; an activity's fault is recorded on its instance and does not fail the batch.
    /// </summary>
    private async Task<int> FireInOneTransactionAsync(IReadOnlyList<long> ids, string claim, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await unitOfWork.BeginAsync(cancellationToken);
        var fired = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireTimersAsync(ids, claim, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return fired;
    }

    /// <summary>How long until the next timer is due (capped by the poll interval).</summary>
    public async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var now = _clock.GetUtcNow().UtcDateTime;

        // A timer another pass holds is not due for this one before its lease runs out.
        var nextFree = await db.Timers.AsNoTracking().Where(t => t.LeaseUntilUtc == null || t.LeaseUntilUtc < now)
            .OrderBy(t => t.DueAtUtc).Select(t => (DateTime?)t.DueAtUtc).FirstOrDefaultAsync(cancellationToken);
        var nextLeaseEnd = await db.Timers.AsNoTracking().Where(t => t.LeaseUntilUtc != null && t.LeaseUntilUtc >= now)
            .OrderBy(t => t.LeaseUntilUtc).Select(t => t.LeaseUntilUtc).FirstOrDefaultAsync(cancellationToken);
        var next = nextFree is null ? nextLeaseEnd : nextLeaseEnd is null || nextFree < nextLeaseEnd ? nextFree : nextLeaseEnd;
        var wait = next is null ? _options.PollInterval : next.Value - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.PollInterval ? _options.PollInterval : wait;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} workflow timers failed; firing them one by one")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow timer {TimerId} could not be fired; it will be retried when its claim expires")]
    private partial void LogTimerFailed(Exception exception, long timerId);
}

/// <summary>The background loop of the timer scheduler. It starts with the host and reads the table as it goes: nothing is rebuilt in memory at start-up.</summary>
internal sealed partial class WorkflowTimerWorker : BackgroundService
{
    private readonly TimerScheduler _scheduler;
    private readonly TimerSignal _signal;
    private readonly TimeProvider _clock;
    private readonly TimerOptions _options;
    private readonly ILogger<WorkflowTimerWorker> _logger;

    public WorkflowTimerWorker(TimerScheduler scheduler, TimerSignal signal, TimeProvider clock, IOptions<TimerOptions> options, ILogger<WorkflowTimerWorker> logger)
    {
        _scheduler = scheduler;
        _signal = signal;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var fired = await _scheduler.FireDueAsync(stoppingToken);
                if (fired >= _options.BatchSize)
                {
                    await Task.Delay(_options.StaggerDelay, _clock, stoppingToken);
                }
                else if (fired == 0)
                {
                    await _signal.WaitAsync(await _scheduler.UntilNextDueAsync(stoppingToken), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogPassFailed(exception);
                await Task.Delay(_options.PollInterval, _clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of the workflow timer worker failed; retrying after the poll interval")]
    private partial void LogPassFailed(Exception exception);
}
