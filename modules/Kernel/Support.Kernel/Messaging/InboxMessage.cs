using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Support.Kernel.Messaging;

/// <summary>Proof that a handler has processed an event; saved in the same transaction as the handler's work.</summary>
public sealed class InboxMessage
{
    private InboxMessage()
    {
    }

    public InboxMessage(Guid eventId, string handler, DateTime processedAtUtc)
    {
        EventId = eventId;
        Handler = handler;
        ProcessedAtUtc = processedAtUtc;
    }

    public Guid EventId { get; private set; }

    public string Handler { get; private set; } = "";

    public DateTime ProcessedAtUtc { get; private set; }

    internal static void Configure(EntityTypeBuilder<InboxMessage> entity, string prefix)
    {
        entity.ToTable(prefix + "_inbox_messages");
        entity.HasKey(m => new { m.EventId, m.Handler });
        entity.Property(m => m.Handler).HasMaxLength(300);
    }
}
