using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Support.Kernel;
using Support.Kernel.Contracts;
using Support.Kernel.Persistence;
using Support.Ticketing.Contracts;
using Support.Workflows.Data;
using Support.Workflows.Definitions;
using Support.Workflows.Runtime;
using Support.Workflows.Timers;

namespace Support.Workflows.Tests;

/// <summary>A clock the tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public void Set(DateTimeOffset to) => Now = to;
}

/// <summary>
/// The Kernel and the Workflows module on a real SQLite file, without the web host: the tests deliver events
/// as the outbox would (through the engine's integration-event handler) and fire timers as the worker would.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private EngineHost(ServiceProvider services, ManualClock clock, string folder)
    {
        Services = services;
        Clock = clock;
        Folder = folder;
    }

    public ServiceProvider Services { get; }

    public ManualClock Clock { get; }

    public string Folder { get; }

    public static async Task<EngineHost> StartAsync(string? folder = null, ManualClock? clock = null, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "support-tests", "workflows-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        clock ??= new ManualClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataFolder"] = folder, ["Workflows:Timers:Lease"] = "00:00:30" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new Environment { ContentRootPath = folder });
        services.AddSingleton<TimeProvider>(clock);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddKernel(configuration, [typeof(WorkflowsModule).Assembly]);
        new WorkflowsModule().AddServices(services, configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new EngineHost(provider, clock, folder);
    }

    /// <summary>Runs <paramref name="work"/> in a scope and commits its unit of work, as a request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    public Task<T> QueryAsync<T>(Func<WorkflowsDbContext, Task<T>> query) =>
        InScopeAsync(s => query(s.GetRequiredService<WorkflowsDbContext>()));

    /// <summary>Saves the definition as a draft and publishes it; returns its definition id.</summary>
    public async Task<string> PublishAsync(WorkflowDefinitionDocument definition)
    {
        var id = await InScopeAsync(async s =>
        {
            await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
            return (await s.GetRequiredService<DefinitionStore>().SaveDraftAsync(definition, CancellationToken.None)).DefinitionId;
        });
        await InScopeAsync(async s =>
        {
            await s.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None);
            await s.GetRequiredService<DefinitionStore>().PublishAsync(id, CancellationToken.None);
            return 0;
        });
        return id;
    }

    /// <summary>Delivers an integration event as the outbox dispatcher does: to the engine's handler, in its own scope.</summary>
    public async Task DeliverAsync<TEvent>(TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var scope = Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<WorkflowStimulusHandler<TEvent>>(scope.ServiceProvider);
        await handler.Handle(integrationEvent, CancellationToken.None);
    }

    public Task<int> FireDueTimersAsync() => Services.GetRequiredService<TimerScheduler>().FireDueAsync(CancellationToken.None);

    public Task<List<WorkflowInstance>> InstancesAsync() => QueryAsync(db => db.Instances.AsNoTracking().OrderBy(i => i.CreatedAtUtc).ToListAsync());

    public async Task<WorkflowInstance> SingleInstanceAsync() => Assert.Single(await InstancesAsync());

    public Task<List<string>> JournalAsync(string instanceId) =>
        QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id)
            .Select(j => j.Event + " " + (j.ActivityId ?? "") + " " + (j.Detail ?? "")).ToListAsync());

    public Task<List<string>> EmailSubjectsAsync() =>
        InScopeAsync(s => s.GetRequiredService<KernelDbContext>().EmailMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public static TicketOpenedEvent Opened(long ticketId, TicketSeverity severity = TicketSeverity.Normal) =>
        new(Guid.NewGuid(), DateTime.UtcNow, Ticket(ticketId, severity), "portal");

    public static TicketSnapshot Ticket(long ticketId, TicketSeverity severity = TicketSeverity.Normal, TicketStatus status = TicketStatus.Open) =>
        new(ticketId, 100000 + (int)ticketId, "Printer offline", status, TicketPriority.Normal, severity, false, SupportTeam.Support, null, "printer", 1, "Acme", true, "marie@acme.test", DateTime.UtcNow);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Support.Workflows.Tests";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
