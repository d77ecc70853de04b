using MediatR;

namespace Support.Kernel.Contracts;

/// <summary>
/// A fact another module must not miss. It travels through the owner's transactional outbox, so it
/// carries only simple serialisable values; <see cref="EventId"/> lets handlers run exactly once.
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }

    DateTime OccurredAtUtc { get; }

    /// <summary>
    /// What the event is about, for the order of delivery: events of one module with the same key reach
    /// their handlers in the order they were raised, one after the other; events with different keys may
    /// be handled at the same time. Events without a key are delivered in order among themselves.
    /// Implement it explicitly (e.g. <c>ticket:42</c>), so that it is not serialised with the event.
    /// </summary>
    string? OrderingKey => null;
}
