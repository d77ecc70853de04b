using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Support.Kernel;
using Support.Kernel.Persistence;
using Support.Ticketing.Contracts;
using Support.Workflows;
using Support.Workflows.Data;
using Support.Workflows.Definitions;
using Support.Workflows.Runtime;
using Support.Workflows.Timers;

// Durable workflow timers under a backlog: N instances of a published workflow (ticket opened -> wait
// until an instant -> record the firing time -> finish) are started through the runtime, then
//   1. the process "restarts" with every timer past due: time to the first fired timer, and resumes per
//      second until the backlog is gone (the scheduler's own loop, one transaction per timer);
//   2. N more instances have timers spread evenly over a window at a given rate: firing lag (fired - due).
// Usage: Support.Benchmarks.Workflows [instances, default 100000] [rate per second for the lag run, default 1000]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var folder = Path.Combine(Path.GetTempPath(), "support-bench-workflows-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
Console.WriteLine($"Data folder {folder}; {count:N0} instances; lag run at {rate}/s; {Environment.ProcessorCount} cores");

// The instant is far away while seeding; the benchmark moves the timers afterwards.
const string Definition = """
    {
      "definitionId": "bench", "name": "Benchmark",
      "root": { "type": "Flowchart", "id": "Flowchart1",
        "activities": [
          { "id": "opened", "type": "Event", "inputs": { "Event": { "expression": { "type": "Literal", "value": "Ticketing.TicketOpened" } } } },
          { "id": "at", "type": "StartAt", "inputs": { "Instant": { "expression": { "type": "Literal", "value": "2100-01-01T00:00:00Z" } } } },
          { "id": "fired", "type": "SetVariable", "inputs": { "Variable": { "expression": { "type": "Literal", "value": "firedAt" } }, "Value": { "expression": { "type": "JavaScript", "value": "Date.now()" } } } },
          { "id": "end", "type": "Finish" }
        ],
        "connections": [
          { "source": { "activity": "opened", "port": "Done" }, "target": { "activity": "at", "port": "In" } },
          { "source": { "activity": "at", "port": "Done" }, "target": { "activity": "fired", "port": "In" } },
          { "source": { "activity": "fired", "port": "Done" }, "target": { "activity": "end", "port": "In" } }
        ] } }
    """;

var provider = Build(folder);
await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
await InScope(provider, async s =>
{
    var store = s.GetRequiredService<DefinitionStore>();
    await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
    await store.SaveDraftAsync(WorkflowDefinitionDocument.Parse(Definition), CancellationToken.None);
    await s.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
    await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
    await store.PublishAsync("bench", CancellationToken.None);
    await s.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
});

var seeded = await SeedAsync(provider, 1, count);
Console.WriteLine($"Started {count:N0} instances in {seeded.TotalSeconds:F1} s ({count / seeded.TotalSeconds:F0}/s, 500 per transaction)");
GC.Collect();
Console.WriteLine($"Managed heap {GC.GetTotalMemory(true) / 1048576.0:F0} MiB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB, database {Directory.GetFiles(folder, "support.db*").Sum(f => new FileInfo(f).Length) / 1048576.0:F0} MiB");
await provider.DisposeAsync();
SqliteConnection.ClearAllPools();

// 1. Restart with every timer past due.
await SetDueAsync(folder, count, _ => DateTime.UtcNow.AddMinutes(-1));
var restart = Stopwatch.StartNew();
provider = Build(folder);
await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
var ready = restart.Elapsed;
var scheduler = provider.GetRequiredService<TimerScheduler>();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var fired = await scheduler.FireDueAsync(CancellationToken.None);
var firstBatch = restart.Elapsed;
var drain = Stopwatch.StartNew();
while (true)
{
    var pass = await scheduler.FireDueAsync(CancellationToken.None);
    if (pass == 0)
    {
        break;
    }

    fired += pass;
}

Console.WriteLine($"Restart: ready (services built, migrations checked) in {ready.TotalMilliseconds:F0} ms; first batch fired {firstBatch.TotalMilliseconds:F0} ms after start");
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
Console.WriteLine($"Backlog: {fired:N0} past-due timers fired in {drain.Elapsed.TotalSeconds + (firstBatch - ready).TotalSeconds:F1} s ({fired / (drain.Elapsed.TotalSeconds + (firstBatch - ready).TotalSeconds):F0} resumes/s, {cpu.TotalMilliseconds / fired:F2} ms of processor time per resume)");
Console.WriteLine($"Working set after the backlog {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB");

// 2. Firing lag: timers due at an even rate, fired by the worker's loop.
await SeedAsync(provider, count + 1, count);
await provider.DisposeAsync();
SqliteConnection.ClearAllPools();
var start = DateTime.UtcNow.AddSeconds(5);
var dues = await SetDueAsync(folder, count, i => start.AddSeconds((double)i / rate));
provider = Build(folder);
var worker = provider.GetServices<IHostedService>().OfType<WorkflowTimerWorker>().Single();
await worker.StartAsync(CancellationToken.None);
var last = dues.Values.Max();
while (DateTime.UtcNow < last.AddSeconds(2) || await Remaining(provider) > 0)
{
    await Task.Delay(1000);
}

await worker.StopAsync(CancellationToken.None);
var lags = new List<double>();
await InScope(provider, async s =>
{
    var db = s.GetRequiredService<WorkflowsDbContext>();
    var rows = await db.Instances.AsNoTracking().Where(i => i.Status == WorkflowStatus.Finished).Select(i => new { i.Id, i.State }).ToListAsync();
    foreach (var row in rows.Where(r => dues.ContainsKey(r.Id)))
    {
        var firedAt = DateTime.UnixEpoch.AddMilliseconds(InstanceState.Parse(row.State).Variables["firedAt"]!.GetValue<double>());
        lags.Add((firedAt - dues[row.Id]).TotalMilliseconds);
    }
});
lags.Sort();
Console.WriteLine($"Lag run: {lags.Count:N0} timers at {rate}/s; lag p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms, max {lags[^1]:F0} ms");
await provider.DisposeAsync();
return 0;

double Percentile(double p) => lags[Math.Min(lags.Count - 1, (int)Math.Ceiling(p * lags.Count) - 1)];

static ServiceProvider Build(string folder)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["DataFolder"] = folder,
        ["Workflows:Timers:PollInterval"] = "00:00:00.200",
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddSingleton<IHostEnvironment>(new BenchEnvironment { ContentRootPath = folder });
    services.AddLocalization();
    services.AddKernel(configuration, [typeof(WorkflowsModule).Assembly]);
    new WorkflowsModule().AddServices(services, configuration);
    return services.BuildServiceProvider();
}

static async Task InScope(IServiceProvider provider, Func<IServiceProvider, Task> work)
{
    await using var scope = provider.CreateAsyncScope();
    await work(scope.ServiceProvider);
}

static async Task<TimeSpan> SeedAsync(IServiceProvider provider, int first, int count)
{
    var stopwatch = Stopwatch.StartNew();
    for (var batch = 0; batch < count; batch += 500)
    {
        await InScope(provider, async s =>
        {
            var unitOfWork = s.GetRequiredService<UnitOfWork>();
            await unitOfWork.BeginAsync(CancellationToken.None);
            var runtime = s.GetRequiredService<WorkflowRuntime>();
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var id = first + i;
                var payload = new Dictionary<string, object?> { ["ticketId"] = id, ["severity"] = nameof(TicketSeverity.Normal) };
                await runtime.DeliverAsync("Ticketing.TicketOpened", id.ToString(CultureInfo.InvariantCulture), payload, CancellationToken.None);
            }

            await unitOfWork.CommitAsync(CancellationToken.None);
        });
    }

    return stopwatch.Elapsed;
}

// Moves the pending timers (in id order) to the given due times; returns instance id -> due time.
static async Task<Dictionary<string, DateTime>> SetDueAsync(string folder, int count, Func<int, DateTime> due)
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "support.db")}");
    connection.Open();
    var timers = new List<(long Id, string Instance)>();
    using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT Id, InstanceId FROM workflows_timers ORDER BY Id";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            timers.Add((reader.GetInt64(0), reader.GetString(1)));
        }
    }

    var dues = new Dictionary<string, DateTime>();
    using var transaction = connection.BeginTransaction();
    using var update = connection.CreateCommand();
    update.CommandText = "UPDATE workflows_timers SET DueAtUtc = $due WHERE Id = $id";
    var dueParameter = update.Parameters.Add("$due", SqliteType.Text);
    var idParameter = update.Parameters.Add("$id", SqliteType.Integer);
    for (var i = 0; i < timers.Count && i < count; i++)
    {
        var at = due(i);
        dues[timers[i].Instance] = at;
        dueParameter.Value = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        idParameter.Value = timers[i].Id;
        await update.ExecuteNonQueryAsync();
    }

    transaction.Commit();
    return dues;
}

static async Task<int> Remaining(IServiceProvider provider)
{
    await using var scope = provider.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Timers.CountAsync();
}

internal sealed class BenchEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";

    public string ApplicationName { get; set; } = "Support.Benchmarks.Workflows";

    public string ContentRootPath { get; set; } = "";

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
