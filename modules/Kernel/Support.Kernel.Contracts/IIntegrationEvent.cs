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
}
