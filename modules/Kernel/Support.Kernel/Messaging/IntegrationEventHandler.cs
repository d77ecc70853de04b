using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Contracts;
using Support.Kernel.Persistence;

namespace Support.Kernel.Messaging;

/// <summary>
/// The base of every integration-event handler: it runs the handler's work once per event, recording
/// the event in its module's inbox in the same transaction as that work (including any email it
/// queued), so a redelivery is a no-op.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TDbContext> : INotificationHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TDbContext : ModuleDbContext
{
    private readonly UnitOfWork _unitOfWork;

    protected IntegrationEventHandler(TDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
    {
        Db = db;
        _unitOfWork = unitOfWork;
        Clock = clock;
    }

    protected TDbContext Db { get; }

    protected TimeProvider Clock { get; }

    public async Task Handle(TEvent notification, CancellationToken cancellationToken)
    {
        if (!await IsRelevantAsync(notification, cancellationToken))
        {
            return;
        }

        var handler = GetType().FullName!;
        var seen = await Db.InboxMessages.AnyAsync(
            m => m.EventId == notification.EventId && m.Handler == handler, cancellationToken);
        if (seen)
        {
            return;
        }

        await HandleOnceAsync(notification, cancellationToken);
        Db.InboxMessages.Add(new InboxMessage(notification.EventId, handler, Clock.GetUtcNow().UtcDateTime));
        await _unitOfWork.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the event concerns this handler at all, read before anything is written: an event it
    /// ignores leaves no inbox row and takes no write transaction. Only for checks whose "no" stays
    /// true for this event (running the handler twice would change nothing either).
    /// </summary>
    protected virtual ValueTask<bool> IsRelevantAsync(TEvent integrationEvent, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <summary>The handler's work; its changes (to <see cref="Db"/> or any other context of the scope) commit with the inbox record.</summary>
    protected abstract Task HandleOnceAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
