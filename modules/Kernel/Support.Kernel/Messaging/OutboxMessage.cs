using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Support.Kernel.Contracts;

namespace Support.Kernel.Messaging;

/// <summary>An integration event saved with the state change that raised it, waiting to be dispatched.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>The event's type, as <c>Namespace.Type, Assembly</c>.</summary>
    public string Type { get; private set; } = "";

    public string Content { get; private set; } = "";

    public DateTime OccurredAtUtc { get; private set; }

    public DateTime? ProcessedAtUtc { get; internal set; }

    public int Attempts { get; internal set; }

    public DateTime NextAttemptAtUtc { get; internal set; }

    public string? LastError { get; internal set; }

    internal static OutboxMessage From(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            EventId = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Content = JsonSerializer.Serialize(integrationEvent, type),
            OccurredAtUtc = integrationEvent.OccurredAtUtc,
            NextAttemptAtUtc = integrationEvent.OccurredAtUtc,
        };
    }

    internal IIntegrationEvent Deserialize()
    {
        var type = System.Type.GetType(Type, throwOnError: true)!;
        return (IIntegrationEvent)JsonSerializer.Deserialize(Content, type)!;
    }

    internal static void Configure(EntityTypeBuilder<OutboxMessage> entity, string prefix)
    {
        entity.ToTable(prefix + "_outbox_messages");
        entity.HasKey(m => m.Id);
        entity.HasIndex(m => m.EventId).IsUnique();
        // The dispatcher's batches: the unprocessed events in the order raised, however many wait.
        entity.HasIndex(m => new { m.ProcessedAtUtc, m.Id });
        entity.Property(m => m.Type).HasMaxLength(500);
    }
}
