using System.Collections.Concurrent;
using System.Reflection;
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
/// scope (or, for handlers marked <see cref="HandledInBatchesAttribute"/>, the batch's events together in
/// one scope). A failed handler is retried with back-off; handlers that already succeeded skip the event
/// through their inbox, so a redelivery never repeats their work.
/// </summary>
internal sealed partial class OutboxDispatcher : PollingWorker
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IReadOnlyList<ModuleDatabase> _databases;
    private readonly ConcurrentDictionary<Type, IReadOnlyList<Type>> _handlerTypes = new();
    private readonly ConcurrentDictionary<Type, Type?> _batchHandlers = new();
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
            var deliveries = due.Select(Delivery.Read).ToList();
            await Parallel.ForEachAsync(
                Plan(deliveries),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Concurrency), CancellationToken = cancellationToken },
                async (work, token) => await work(token));
            foreach (var delivery in deliveries)
            {
                Conclude(delivery);
            }
        }
        finally
        {
            // Through the scope's unit of work, so that the save joins the open write group; an empty pass
            // writes nothing and does not queue for the write lock at all.
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().CommitAsync(CancellationToken.None);
        }

        return due.Count;
    }

    /// <summary>
    /// The work of a batch, run at the same time up to <see cref="OutboxOptions.Concurrency"/>. Events about different
    /// things (different ordering keys) are handled at the same time, so that their handlers' transactions share group
    /// commits instead of each waiting for its own flush; the events of one key go one after the other, in the order
    /// they were raised. The handlers of one batch handler (<see cref="HandledInBatchesAttribute"/>) take all their
    /// events of the batch at once, in order, when there are two or more. Each piece of work records only its own
    /// outcomes; the messages are updated once all have ended.
    /// </summary>
    private List<Func<CancellationToken, Task>> Plan(List<Delivery> deliveries)
    {
        var batches = new Dictionary<Type, List<(Delivery Delivery, Type Handler)>>();
        foreach (var delivery in deliveries.Where(d => d.Event is not null))
        {
            foreach (var handlerType in HandlerTypesFor(delivery.Event!.GetType()))
            {
                if (BatchHandlerOf(handlerType) is { } batchHandler)
                {
                    (batches.TryGetValue(batchHandler, out var list) ? list : batches[batchHandler] = []).Add((delivery, handlerType));
                }
                else
                {
                    delivery.OneByOne.Add(handlerType);
                }
            }
        }

        var work = new List<Func<CancellationToken, Task>>();
        foreach (var (batchHandler, items) in batches)
        {
            if (items.Count >= 2)
            {
                work.Add(token => DeliverBatchAsync(batchHandler, items, token));
            }
            else
            {
                items[0].Delivery.OneByOne.Add(items[0].Handler);
            }
        }

        foreach (var partition in deliveries.GroupBy(d => d.Event?.OrderingKey ?? (d.Event is null ? "unreadable:" + d.Message.Id : null)))
        {
            work.Add(async token =>
            {
                foreach (var delivery in partition)
                {
                    foreach (var handlerType in delivery.OneByOne)
                    {
                        await DeliverAsync(delivery, handlerType, token);
                    }
                }
            });
        }

        return work;
    }

    private async Task DeliverBatchAsync(Type batchHandlerType, List<(Delivery Delivery, Type Handler)> items, CancellationToken cancellationToken)
    {
        try
        {
            using var batchScope = _scopes.CreateScope();
            var batchHandler = (IIntegrationEventBatchHandler)ActivatorUtilities.CreateInstance(batchScope.ServiceProvider, batchHandlerType);
            await batchHandler.HandleAsync([.. items.Select(i => new BatchedEvent(i.Delivery.Event!, i.Handler.FullName!))], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the batch was committed: each event goes to its own handler, so that one event that fails
            // is retried alone and the others are handled now.
            LogBatchFailed(exception, batchHandlerType.Name, items.Count);
            foreach (var (delivery, handlerType) in items)
            {
                await DeliverAsync(delivery, handlerType, cancellationToken);
            }
        }
    }

    private async Task DeliverAsync(Delivery delivery, Type handlerType, CancellationToken cancellationToken)
    {
        using var handlerScope = _scopes.CreateScope();
        try
        {
            var handler = ActivatorUtilities.CreateInstance(handlerScope.ServiceProvider, handlerType);
            await InvokeAsync(handler, delivery.Event!, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(exception, handlerType.Name, delivery.Message.EventId);
            delivery.Fail($"{handlerType.Name}: {exception.Message}");
        }
    }

    private void Conclude(Delivery delivery)
    {
        if (delivery.Event is null)
        {
            LogHandlerFailed(delivery.Unreadable!, "(deserialisation)", delivery.Message.EventId);
            ScheduleRetry(delivery.Message, delivery.Unreadable!.Message);
        }
        else if (delivery.Failures.Count > 0)
        {
            ScheduleRetry(delivery.Message, string.Join(Environment.NewLine, delivery.Failures));
        }
        else
        {
            delivery.Message.ProcessedAtUtc = _clock.GetUtcNow().UtcDateTime;
            delivery.Message.LastError = null;
        }
    }

    /// <summary>The batch handler a handler class names, read once per class.</summary>
    private Type? BatchHandlerOf(Type handlerType) =>
        _batchHandlers.GetOrAdd(handlerType, type =>
        {
            var batchHandler = type.GetCustomAttribute<HandledInBatchesAttribute>()?.BatchHandler;
            return batchHandler is null || typeof(IIntegrationEventBatchHandler).IsAssignableFrom(batchHandler)
                ? batchHandler
                : throw new InvalidOperationException($"{type} names {batchHandler} as its batch handler, which is not an {nameof(IIntegrationEventBatchHandler)}.");
        });

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch handler {Handler} failed for {Count} events; each is handled on its own")]
    private partial void LogBatchFailed(Exception exception, string handler, int count);

    /// <summary>One message of a batch: its event, the handlers that take it one by one, and what failed.</summary>
    private sealed class Delivery
    {
        private readonly List<string> _failures = [];

        private Delivery(OutboxMessage message, IIntegrationEvent? integrationEvent, Exception? unreadable)
        {
            Message = message;
            Event = integrationEvent;
            Unreadable = unreadable;
        }

        public OutboxMessage Message { get; }

        public IIntegrationEvent? Event { get; }

        public Exception? Unreadable { get; }

        public List<Type> OneByOne { get; } = [];

        /// <summary>The failures so far; read once every piece of work has ended.</summary>
        public IReadOnlyList<string> Failures => _failures;

        public static Delivery Read(OutboxMessage message)
        {
            try
            {
                return new Delivery(message, message.Deserialize(), null);
            }
            catch (Exception exception)
            {
                return new Delivery(message, null, exception);
            }
        }

        /// <summary>Recorded from the batch's and the partitions' work, which may run at the same time.</summary>
        public void Fail(string failure)
        {
            lock (_failures)
            {
                _failures.Add(failure);
            }
        }
    }
}
