using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Persistence;
using Support.KnowledgeBase.Contracts;
using Support.KnowledgeBase.Features.Portal;
using Support.Benchmarks.KnowledgeBase;

// The knowledge-base search with many articles.
// Usage:
//   Support.Benchmarks.KnowledgeBase p99 [articles, default 100000] [queries per kind, default 2000] [data folder to reuse]
//       seeds a fresh data folder, then times the portal search and the new-ticket suggestions in-process
//       (through the mediator, as the pages call them) and prints p50, p95, p99 and max per query;
//   Support.Benchmarks.KnowledgeBase bdn <data folder>
//       BenchmarkDotNet (in-process) on a folder seeded by the p99 run;
//   Support.Benchmarks.KnowledgeBase seed <support.db> [articles]
//       adds the articles to a host's database (benchmarks/knowledgebase-load.sh).
var mode = args.Length > 0 ? args[0] : "p99";
switch (mode)
{
    case "seed":
        SeedArticles.Insert(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000);
        return 0;
    case "bdn":
        Environment.SetEnvironmentVariable(SearchBenchmarks.FolderVariable, args[1]);
        BenchmarkRunner.Run<SearchBenchmarks>(
            ManualConfig.CreateMinimumViable()
                .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
                .AddColumn(StatisticColumn.P95, StatisticColumn.Max));
        return 0;
}

if (mode == "probe")
{
    // One search with every SQL command and its duration written out (EF Core's command log).
    using var probe = Host.Services(args[1], logCommands: true);
    for (var i = 0; i < 3; i++)
    {
        await using var scope = probe.CreateAsyncScope();
        var watch = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PortalSearchQuery(args[2], "fr"));
        Console.WriteLine($"total {watch.Elapsed.TotalMilliseconds:0.0} ms");
    }

    return 0;
}

var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var perKind = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
// A fourth argument reuses a folder an earlier run seeded.
var folder = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), "support-bench-kb-" + Guid.NewGuid().ToString("N")[..8]);
var seeded = File.Exists(Path.Combine(folder, "support.db"));
Directory.CreateDirectory(folder);
Console.WriteLine($"Data folder {folder}; {count:N0} articles; {perKind:N0} queries per kind; {Environment.ProcessorCount} cores");
using var provider = Host.Services(folder);
await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
if (!seeded)
{
    var seeding = Stopwatch.StartNew();
    SeedArticles.Insert(Path.Combine(folder, "support.db"), count);
    Console.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s");
}

foreach (var (name, query) in SearchBenchmarks.Queries)
{
    await Time(provider, $"portal search \"{query}\"", perKind / 10, perKind, (m, ct) => m.Send(new PortalSearchQuery(query, "fr"), ct));
}

foreach (var (name, query) in SearchBenchmarks.Queries)
{
    await Time(provider, $"suggestions \"{query}\"", perKind / 10, perKind, (m, ct) => m.Send(new SuggestArticlesQuery(query, "fr"), ct));
}

Console.WriteLine($"bdn: Support.Benchmarks.KnowledgeBase bdn {folder}");
return 0;

static async Task Time(IServiceProvider provider, string label, int warmup, int count, Func<IMediator, CancellationToken, Task> search)
{
    var wall = new List<double>(count);
    var cpu = new List<double>(count);
    for (var i = 0; i < warmup + count; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var cpuBefore = ProcessCpu.Milliseconds();
        var stopwatch = Stopwatch.StartNew();
        await search(mediator, CancellationToken.None);
        stopwatch.Stop();
        if (i >= warmup)
        {
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
            cpu.Add(ProcessCpu.Milliseconds() - cpuBefore);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-44} wall p50 {P(wall, 0.50),6:0.00} p99 {P(wall, 0.99),7:0.00} max {wall.Max(),7:0.00} ms | cpu p50 {P(cpu, 0.50),6:0.00} p99 {P(cpu, 0.99),6:0.00} max {cpu.Max(),6:0.00} ms"));
}

static double P(List<double> samples, double p)
{
    var sorted = samples.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>
/// The process's CPU time (clock_gettime, nanoseconds): on a machine shared with other jobs the wall
/// clock measures the queue for a core as much as the search; the CPU time measures the search.
/// </summary>
internal static partial class ProcessCpu
{
    private const int ClockProcessCpuTimeId = 2;

    public static double Milliseconds()
    {
        _ = ClockGetTime(ClockProcessCpuTimeId, out var time);
        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
