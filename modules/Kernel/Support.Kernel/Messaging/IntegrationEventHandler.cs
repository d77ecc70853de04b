using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Contracts;
using Support.Kernel.Persistence;

namespace Support.Kernel.Messaging;

/// <summary>
/// The base of every integration-event handler: it runs the handler's work once per event, recording
/// the event in its module's inbox in the same transaction as that work, so a redelivery is a no-op.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TDbContext> : INotificationHandler<TEvent>
    where TEvent : IIntegrationEvent
    where TDbContext : ModuleDbContext
{
    protected IntegrationEventHandler(TDbContext db, TimeProvider clock)
    {
        Db = db;
        Clock = clock;
    }

    protected TDbContext Db { get; }

    protected TimeProvider Clock { get; }

    public async Task Handle(TEvent notification, CancellationToken cancellationToken)
    {
        var handler = GetType().FullName!;
        var seen = await Db.InboxMessages.AnyAsync(
            m => m.EventId == notification.EventId && m.Handler == handler, cancellationToken);
        if (seen)
        {
            return;
        }

        await HandleOnceAsync(notification, cancellationToken);
        Db.InboxMessages.Add(new InboxMessage(notification.EventId, handler, Clock.GetUtcNow().UtcDateTime));
        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The handler's work; its changes to <see cref="Db"/> are saved with the inbox record.</summary>
    protected abstract Task HandleOnceAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
