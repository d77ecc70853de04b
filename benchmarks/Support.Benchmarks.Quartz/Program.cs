using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Quartz;

// Quartz.NET with its ADO job store on a SQLite file (Microsoft.Data.Sqlite), measured the way
// Support.Benchmarks.Workflows measures the engine's own timer table (ADR 0011):
//   1. backlog: N one-shot triggers scheduled (500 per ScheduleJob call) while the scheduler stands by, all due
//      at once; then the scheduler starts: time to the first firing, and firings per second until all have fired;
//   2. lag: N one-shot triggers due at an even rate on a fresh database: firing lag (fired - scheduled fire time).
// The job only records when it ran: this is the scheduler's own cost, with no workflow work behind a firing.
// Usage: Support.Benchmarks.Quartz [triggers, default 10000] [rate per second for the lag run, default 500]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
const int PerCall = 500;
var folder = Path.Combine(Path.GetTempPath(), "support-bench-quartz-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
Console.WriteLine($"Data folder {folder}; {count:N0} triggers; lag run at {rate}/s; {Environment.ProcessorCount} cores; Quartz {typeof(IScheduler).Assembly.GetName().Version}");

// Backlog.
var backlog = await CreateSchedulerAsync(Path.Combine(folder, "backlog.db"));
var now = DateTimeOffset.UtcNow;
var scheduling = await ScheduleAsync(backlog, count, _ => now);
Console.WriteLine($"Scheduled {count:N0} triggers in {scheduling.TotalSeconds:F1} s ({count / scheduling.TotalSeconds:F0}/s, {PerCall} per call)");
var firings = Firings.Reset(count);
var started = Stopwatch.StartNew();
await backlog.Start();
await firings.AllFired.WaitAsync(TimeSpan.FromMinutes(30));
var total = started.Elapsed;
var first = firings.FirstFiredAfterStart(DateTimeOffset.UtcNow - total);
Console.WriteLine($"Backlog: first firing {first.TotalMilliseconds:F0} ms after start; {count:N0} fired in {total.TotalSeconds:F1} s ({count / total.TotalSeconds:F0} firings/s)");
await backlog.Shutdown(waitForJobsToComplete: true);

// Lag: scheduled before the scheduler starts, the first due well after the scheduling is done.
var lagRun = await CreateSchedulerAsync(Path.Combine(folder, "lag.db"));
var lead = TimeSpan.FromSeconds(3) + (scheduling * 1.5);
var start = DateTimeOffset.UtcNow + lead;
firings = Firings.Reset(count);
var lagScheduling = await ScheduleAsync(lagRun, count, i => start + TimeSpan.FromSeconds((double)i / rate));
Console.WriteLine($"Lag run: scheduled in {lagScheduling.TotalSeconds:F1} s, first due {(start - DateTimeOffset.UtcNow).TotalSeconds:F1} s later");
await lagRun.Start();
await firings.AllFired.WaitAsync(TimeSpan.FromMinutes(30));
var lags = firings.Lags();
Console.WriteLine($"Lag run: {lags.Count:N0} triggers at {rate}/s; lag p50 {Percentile(lags, 0.50):F0} ms, p99 {Percentile(lags, 0.99):F0} ms, max {lags[^1]:F0} ms");
await lagRun.Shutdown(waitForJobsToComplete: true);
Directory.Delete(folder, recursive: true);

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<IScheduler> CreateSchedulerAsync(string database)
{
    // WAL, as the product's database runs; the journal mode stays with the file for Quartz's own connections.
    await using (var connection = new SqliteConnection($"Data Source={database}"))
    {
        await connection.OpenAsync();
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync();
    }

    return await QuartzSchedulerBuilder.Create(q =>
    {
        q.ConfigureScheduler(o => o.InstanceName = "bench-" + Path.GetFileNameWithoutExtension(database));
        q.UseDefaultThreadPool(10);
        q.AddJobType<RecordFiring>();
        q.UsePersistentStore(store =>
        {
            store.UseSqlite($"Data Source={database}");
            store.ProvisionSchema();
            // No trigger of the run is to be treated as misfired: the backlog is all due at start.
            store.ConfigureStore(o => o.MisfireThreshold = TimeSpan.FromHours(1));
        });
    }).BuildScheduler();
}

static async Task<TimeSpan> ScheduleAsync(IScheduler scheduler, int count, Func<int, DateTimeOffset> due)
{
    var job = JobBuilder.Create<RecordFiring>().WithIdentity("record").StoreDurably().Build();
    await scheduler.AddJob(job, new AddJobOptions { Replace = true });
    var watch = Stopwatch.StartNew();
    for (var offset = 0; offset < count; offset += PerCall)
    {
        var triggers = Enumerable.Range(offset, Math.Min(PerCall, count - offset))
            .Select(i => (ITrigger)TriggerBuilder.Create().WithIdentity($"t{i}").ForJob(job).StartAt(due(i)).Build())
            .ToList();
        await scheduler.ScheduleJob(job, triggers, new ScheduleJobOptions { Replace = true });
    }

    return watch.Elapsed;
}

/// <summary>Records each firing's time against its scheduled time.</summary>
internal sealed class RecordFiring : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Firings.Current.Record(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, DateTimeOffset.UtcNow);
        return ValueTask.CompletedTask;
    }
}

internal sealed class Firings(int expected)
{
    private readonly ConcurrentQueue<(DateTimeOffset Due, DateTimeOffset Fired)> _all = new();
    private readonly TaskCompletionSource _allFired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Firings Current { get; private set; } = new(0);

    public Task AllFired => _allFired.Task;

    public static Firings Reset(int expected) => Current = new Firings(expected);

    public void Record(DateTimeOffset due, DateTimeOffset fired)
    {
        _all.Enqueue((due, fired));
        if (_all.Count >= expected)
        {
            _allFired.TrySetResult();
        }
    }

    public TimeSpan FirstFiredAfterStart(DateTimeOffset start) => _all.Min(f => f.Fired) - start;

    public List<double> Lags() => [.. _all.Select(f => (f.Fired - f.Due).TotalMilliseconds).Order()];
}
