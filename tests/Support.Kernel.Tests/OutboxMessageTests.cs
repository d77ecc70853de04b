using Support.Kernel.Contracts;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;

namespace Support.Kernel.Tests;

public sealed class OutboxMessageTests
{
    public sealed record TicketOpenedProbeEvent(Guid EventId, DateTime OccurredAtUtc, string Number, bool Critical) : IIntegrationEvent;

    [Fact]
    public void Event_survives_the_round_trip_through_the_outbox_row()
    {
        var original = new TicketOpenedProbeEvent(Guid.NewGuid(), new DateTime(2026, 11, 23, 8, 30, 0, DateTimeKind.Utc), "983177", true);

        var row = OutboxMessage.From(original);
        var restored = row.Deserialize();

        Assert.Equal(original, restored);
        Assert.Equal(original.EventId, row.EventId);
        Assert.Equal(original.OccurredAtUtc, row.NextAttemptAtUtc);
        Assert.Null(row.ProcessedAtUtc);
    }

    [Theory]
    [InlineData("EmailMessage", "email_message")]
    [InlineData("ThreadEntry", "thread_entry")]
    [InlineData("Ticket", "ticket")]
    public void Table_names_are_snake_case(string type, string table) =>
        Assert.Equal(table, ModuleDbContext.ToSnakeCase(type));
}
