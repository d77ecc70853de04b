namespace Support.Ticketing.Domain;

/// <summary>
/// A channel message the host has taken in (an email's Message-ID, a call's id), saved with the ticket or
/// reply it produced: the same channel and external id again is recognised and stores nothing new.
/// </summary>
internal sealed class IntakeReceipt
{
    private IntakeReceipt()
    {
    }

    public IntakeReceipt(string channel, string externalId, long ticketId, DateTime receivedAtUtc)
    {
        Channel = channel;
        ExternalId = externalId;
        TicketId = ticketId;
        ReceivedAtUtc = receivedAtUtc;
    }

    public long Id { get; private set; }

    /// <summary>The plugin's id.</summary>
    public string Channel { get; private set; } = "";

    /// <summary>The channel's own id for the message.</summary>
    public string ExternalId { get; private set; } = "";

    public long TicketId { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }

    /// <summary>The longest external id accepted (an email's Message-ID fits easily).</summary>
    public const int MaxExternalId = 500;
}
