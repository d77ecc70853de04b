using System.Collections.Concurrent;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Contracts;
using Support.Kernel.Email;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;
using Support.Testing;

namespace Support.IntegrationTests.Probe;

/// <summary>
/// A module that exists only in the tests: a command that saves a record and raises an integration
/// event, and a handler that records each delivery, so the outbox and inbox can be watched end to end.
/// </summary>
internal static class ProbeModule
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddModuleDbContext<ProbeDbContext>("Probe", ProbeDbContext.Prefix);
        services.AddModuleHandlers(typeof(ProbeModule).Assembly);
    }

    /// <summary>A host whose only writers are the tests' through the probe module (no module with background work of its own).</summary>
    public static SupportHostFactory QuietHost(string folder) =>
        new SupportHostFactory(SupportHostFactory.CreateTemporaryFolder(folder), new Dictionary<string, string?>
        {
            ["Outbox:DispatchEnabled"] = "false",
            ["Modules:Ticketing:Enabled"] = "false",
            ["Modules:Workflows:Enabled"] = "false",
        }).WithServices(AddTo);
}

internal sealed record ProbeRecorded(Guid EventId, DateTime OccurredAtUtc, string Note, string? Key = null) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Key;
}

/// <summary>The event of a probe recorded with <c>Batched</c>: its handler can take a batch of them at once.</summary>
internal sealed record ProbeTallied(Guid EventId, DateTime OccurredAtUtc, string Note, string? Key = null) : IIntegrationEvent
{
    string? IIntegrationEvent.OrderingKey => Key;
}

internal sealed record RecordProbe(string Note, bool FailAfterSaving = false, string? Key = null, bool Batched = false) : IRequest<Guid>;

internal sealed class RecordProbeValidator : AbstractValidator<RecordProbe>
{
    public RecordProbeValidator() => RuleFor(r => r.Note).NotEmpty().WithMessage("A probe needs a note.");
}

internal sealed class RecordProbeHandler(ProbeDbContext db, TimeProvider clock) : IRequestHandler<RecordProbe, Guid>
{
    public Task<Guid> Handle(RecordProbe request, CancellationToken cancellationToken)
    {
        var record = new ProbeRecord { Id = Guid.NewGuid(), Note = request.Note };
        db.Records.Add(record);
        db.AddIntegrationEvent(request.Batched
            ? new ProbeTallied(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, request.Note, request.Key)
            : new ProbeRecorded(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, request.Note, request.Key));
        if (request.FailAfterSaving)
        {
            throw new InvalidOperationException("The handler failed after staging its changes.");
        }

        return Task.FromResult(record.Id);
    }
}

internal sealed class ProbeRecordedHandler(ProbeDbContext db, UnitOfWork unitOfWork, TimeProvider clock, IEmailOutbox mail)
    : IntegrationEventHandler<ProbeRecorded, ProbeDbContext>(db, unitOfWork, clock)
{
    /// <summary>Notes starting with "flaky" fail on their first delivery, as a handler whose dependency is briefly down.</summary>
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    /// <summary>The keys whose event is being handled right now.</summary>
    private static readonly ConcurrentDictionary<string, bool> InFlight = new();

    /// <summary>Meetings: "meet:" notes of one group wait for each other (up to 20 s), which only events handled at the same time can do.</summary>
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Meetings = new();

    protected override async Task HandleOnceAsync(ProbeRecorded integrationEvent, CancellationToken cancellationToken)
    {
        var note = integrationEvent.Note;
        if (integrationEvent.Key is { } key)
        {
            // Two events of one key handled at the same time is what ordering keys forbid: marked on the delivery.
            var alone = InFlight.TryAdd(key, true);
            try
            {
                if (note.StartsWith("meet:", StringComparison.Ordinal))
                {
                    var group = note.Split(':')[1];
                    var meeting = Meetings.GetOrAdd(group, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    if (!Meetings.TryAdd(group + ":first", meeting))
                    {
                        meeting.TrySetResult();
                    }

                    note += await Task.WhenAny(meeting.Task, Task.Delay(TimeSpan.FromSeconds(20), cancellationToken)) == meeting.Task ? " met" : " alone";
                }
                else
                {
                    await Task.Delay(15, cancellationToken);
                }

                note += alone ? "" : " overlapped";
            }
            finally
            {
                if (alone)
                {
                    InFlight.TryRemove(key, out _);
                }
            }
        }

        if (integrationEvent.Note.StartsWith("flaky", StringComparison.Ordinal) && Attempts.AddOrUpdate(integrationEvent.EventId, 1, (_, n) => n + 1) == 1)
        {
            throw new InvalidOperationException("The probe's dependency is down.");
        }

        Db.Deliveries.Add(new ProbeDelivery { EventId = integrationEvent.EventId, Note = note });
        mail.Queue(new OutgoingEmail("watcher@example.test", null, $"Probe recorded: {integrationEvent.Note}", integrationEvent.Note, null, "probe"));
    }
}

/// <summary>
/// Records each <see cref="ProbeTallied"/> with the unit of work that handled it: "alone", or the batch's name.
/// Notes starting with "ignored" concern nobody; those starting with "poison" fail on their first two attempts.
/// </summary>
[HandledInBatches(typeof(ProbeTalliedBatchHandler))]
internal sealed class ProbeTalliedHandler(ProbeDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
    : IntegrationEventHandler<ProbeTallied, ProbeDbContext>(db, unitOfWork, clock)
{
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    protected override ValueTask<bool> IsRelevantAsync(ProbeTallied integrationEvent, CancellationToken cancellationToken) =>
        ValueTask.FromResult(!integrationEvent.Note.StartsWith("ignored", StringComparison.Ordinal));

    protected override Task HandleOnceAsync(ProbeTallied integrationEvent, CancellationToken cancellationToken)
    {
        Tally(Db, integrationEvent, "alone");
        return Task.CompletedTask;
    }

    public static void Tally(ProbeDbContext db, ProbeTallied integrationEvent, string unit)
    {
        if (integrationEvent.Note.StartsWith("poison", StringComparison.Ordinal) && Attempts.AddOrUpdate(integrationEvent.EventId, 1, (_, n) => n + 1) <= 2)
        {
            throw new InvalidOperationException($"The probe cannot take \"{integrationEvent.Note}\" yet.");
        }

        db.Deliveries.Add(new ProbeDelivery { EventId = integrationEvent.EventId, Note = $"{integrationEvent.Note} ({unit})" });
    }
}

internal sealed class ProbeTalliedBatchHandler(ProbeDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
    : IntegrationEventBatchHandler<ProbeDbContext>(db, unitOfWork, clock)
{
    private readonly string _name = "batch " + Guid.NewGuid().ToString("N")[..8];

    protected override ValueTask<bool> IsRelevantAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        ValueTask.FromResult(!((ProbeTallied)integrationEvent).Note.StartsWith("ignored", StringComparison.Ordinal));

    protected override Task HandleOnceAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        ProbeTalliedHandler.Tally(Db, (ProbeTallied)integrationEvent, _name);
        return Task.CompletedTask;
    }
}

internal sealed class ProbeRecord
{
    public Guid Id { get; set; }

    public string Note { get; set; } = "";
}

internal sealed class ProbeDelivery
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public string Note { get; set; } = "";
}

internal sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public const string Prefix = "probe";

    public override string TablePrefix => Prefix;

    public DbSet<ProbeRecord> Records => Set<ProbeRecord>();

    public DbSet<ProbeDelivery> Deliveries => Set<ProbeDelivery>();
}

internal sealed class ProbeDesignTimeDbContextFactory : DesignTimeDbContextFactory<ProbeDbContext>
{
    protected override string TablePrefix => ProbeDbContext.Prefix;
}
