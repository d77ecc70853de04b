using System.Collections.Concurrent;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Kernel.Contracts;
using Support.Kernel.Persistence;

namespace Support.Kernel.Messaging;

/// <summary>
/// Reads every module's outbox after commit and delivers each event to its handlers, each in its own
/// scope. A failed handler is retried with back-off; handlers that already succeeded skip the event
/// through their inbox, so a redelivery never repeats their work.
/// </summary>
internal sealed partial class OutboxDispatcher : PollingWorker
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<ModuleDatabase> _databases;
    private readonly ConcurrentDictionary<Type, IReadOnlyList<Type>> _handlerTypes = new();
    private readonly TimeProvider _clock;
    private readonly OutboxOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxSignal _signal;
    private readonly HashSet<Type> _fullBatches = [];
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IEnumerable<ModuleDatabase> databases,
        OutboxSignal signal,
        TimeProvider clock,
        IOptions<OutboxOptions> options,
        ILogger<OutboxDispatcher> logger)
        : base(signal, clock, logger)
    {
        _scopes = scopes;
        _databases = databases.Where(d => typeof(ModuleDbContext).IsAssignableFrom(d.ContextType)).ToList();
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _signal = signal;
    }

    protected override TimeSpan PollInterval => _options.PollInterval;

    protected override bool IsEnabled => _options.DispatchEnabled;

    /// <summary>
    /// Reads the outboxes that have work: those this host just committed events to, those whose last
    /// batch was full, and every one once per poll interval (retries come due, other hosts commit).
    /// Reading all seven outboxes after every commit was a measurable share of a busy host's time.
    /// </summary>
    protected override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var sweep = now - _lastSweep >= _options.PollInterval;
        if (sweep)
        {
            _lastSweep = now;
        }

        var dispatched = 0;
        foreach (var database in _databases)
        {
            var committed = _signal.TakeCommitted(database.ContextType);
            if (!sweep && !committed && !_fullBatches.Contains(database.ContextType))
            {
                continue;
            }

            var count = await DispatchBatchAsync(database, cancellationToken);
            if (count >= _options.BatchSize)
            {
                _fullBatches.Add(database.ContextType);
            }
            else
            {
                _fullBatches.Remove(database.ContextType);
            }

            dispatched += count;
        }

        return dispatched;
    }

    /// <summary>Dispatches the due events of one module; returns how many were attempted.</summary>
    internal async Task<int> DispatchBatchAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var now = _clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.ProcessedAtUtc == null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        // The messages' new states are saved once for the batch (and also when the host stops half-way):
        // should a crash lose them, the events are delivered again and the handlers' inboxes skip them.
        try
        {
            // Events about different things (different ordering keys) are handled at the same time, so that
            // their handlers' transactions share group commits instead of each waiting for its own flush;
            // the events of one key are handled one after the other, in the order they were raised. Each
            // task touches only its own messages' properties; the context is used again only after all end.
            var partitions = due.Select(Read).GroupBy(d => d.Event?.OrderingKey ?? (d.Event is null ? "unreadable:" + d.Message.Id : null));
            await Parallel.ForEachAsync(
                partitions,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = cancellationToken },
                async (partition, token) =>
                {
                    foreach (var (message, integrationEvent, error) in partition)
                    {
                        await DeliverAsync(message, integrationEvent, error, token);
                    }
                });
        }
        finally
        {
            // Through the scope's unit of work, so that the save joins the open write group; an empty pass
            // writes nothing and does not queue for the write lock at all.
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        return due.Count;
    }

    private static (OutboxMessage Message, IIntegrationEvent? Event, Exception? Error) Read(OutboxMessage message)
    {
        try
        {
            return (message, message.Deserialize(), null);
        }
        catch (Exception exception)
        {
            return (message, null, exception);
        }
    }

    private async Task DeliverAsync(OutboxMessage message, IIntegrationEvent? integrationEvent, Exception? unreadable, CancellationToken cancellationToken)
    {
        if (integrationEvent is null)
        {
            LogHandlerFailed(unreadable!, "(deserialisation)", message.EventId);
            ScheduleRetry(message, unreadable!.Message);
            return;
        }

        var failures = new List<string>();
        foreach (var handlerType in HandlerTypesFor(integrationEvent.GetType()))
        {
            using var handlerScope = _scopes.CreateScope();
            try
            {
                var handler = ActivatorUtilities.CreateInstance(handlerScope.ServiceProvider, handlerType);
                await InvokeAsync(handler, integrationEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(exception, handlerType.Name, message.EventId);
                failures.Add($"{handlerType.Name}: {exception.Message}");
            }
        }

        if (failures.Count == 0)
        {
            message.ProcessedAtUtc = _clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            return;
        }

        ScheduleRetry(message, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The handler classes of an event type, read from the container once and kept for the host's lifetime.</summary>
    private IReadOnlyList<Type> HandlerTypesFor(Type eventType) =>
        _handlerTypes.GetOrAdd(eventType, type =>
        {
            using var scope = _scopes.CreateScope();
            var contract = typeof(INotificationHandler<>).MakeGenericType(type);
            return scope.ServiceProvider.GetServices(contract).Select(h => h!.GetType()).ToList();
        });

    private static Task InvokeAsync(object handler, IIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var handle = handler.GetType().GetMethod(nameof(INotificationHandler<IIntegrationEvent>.Handle), [integrationEvent.GetType(), typeof(CancellationToken)])
            ?? throw new InvalidOperationException($"{handler.GetType()} has no Handle method for {integrationEvent.GetType()}.");
        return (Task)handle.Invoke(handler, [integrationEvent, cancellationToken])!;
    }

    private void ScheduleRetry(OutboxMessage message, string error)
    {
        message.Attempts++;
        message.LastError = error.Length > 2000 ? error[..2000] : error;
        message.NextAttemptAtUtc = _clock.GetUtcNow().UtcDateTime
            + RetrySchedule.DelayAfter(message.Attempts, _options.RetryBaseDelay, _options.RetryMaxDelay);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed for event {EventId}; it will be retried")]
    private partial void LogHandlerFailed(Exception exception, string handler, Guid eventId);
}
