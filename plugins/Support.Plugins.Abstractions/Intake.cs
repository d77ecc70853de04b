namespace Support.Plugins.Abstractions;

/// <summary>A file that came with a channel's message (an email attachment...); the host applies the portal's limits to it.</summary>
/// <param name="FileName">The file's name as the sender gave it.</param>
/// <param name="ContentType">The type the sender claimed; the host goes by the content.</param>
/// <param name="Content">The bytes.</param>
public sealed record IntakeAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A ticket a channel opens on a customer's behalf (an email, a logged call...).</summary>
/// <param name="Channel">The plugin's id, recorded as the ticket's source.</param>
/// <param name="Email">The customer's email address.</param>
/// <param name="Name">The customer's name; the address stands in when it is blank.</param>
/// <param name="Company">The customer's company, if known; otherwise the host matches the address's domain.</param>
/// <param name="Phone">The customer's phone number, if known.</param>
/// <param name="Subject">The subject.</param>
/// <param name="BodyHtml">The first message, as HTML; the host sanitises it.</param>
/// <param name="ExternalId">The channel's own id for the message (a Message-ID, a call id), so a repeat is recognised.</param>
/// <param name="Fields">Values of the plugin's contributed fields, by key.</param>
/// <param name="Attachments">Files sent with the message; at most 5 of 2 MB, of the portal's types, are kept.</param>
/// <param name="Language">The customer's language (<c>fr</c> or <c>en</c>) for the emails they receive; French when not given.</param>
public sealed record IntakeTicket(
    string Channel,
    string Email,
    string Name,
    string? Company,
    string? Phone,
    string Subject,
    string BodyHtml,
    string ExternalId,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<IntakeAttachment>? Attachments = null,
    string? Language = null);

/// <summary>A message a channel adds to an existing ticket's thread, written by the ticket's customer.</summary>
/// <param name="Channel">The plugin's id.</param>
/// <param name="TicketNumber">The ticket's number as customers quote it (<c>983177</c>, with or without <c>#</c>).</param>
/// <param name="FromEmail">The sender's address; it must be the ticket's customer's.</param>
/// <param name="BodyHtml">The message, as HTML; the host sanitises it.</param>
/// <param name="ExternalId">The channel's own id for the message, so a repeat is recognised.</param>
/// <param name="Attachments">Files sent with the message, under the portal's limits.</param>
public sealed record IntakeMessage(
    string Channel,
    string TicketNumber,
    string FromEmail,
    string BodyHtml,
    string ExternalId,
    IReadOnlyList<IntakeAttachment>? Attachments = null);

/// <summary>What the host answers.</summary>
/// <param name="TicketNumber">The ticket opened or added to.</param>
/// <param name="WasDuplicate">The external id had been received before: nothing new was stored.</param>
/// <param name="RefusedAttachments">The files left out, each with the reason (in the ticket's language), also written under the message.</param>
public sealed record IntakeResult(string TicketNumber, bool WasDuplicate, IReadOnlyList<string>? RefusedAttachments = null);

/// <summary>Why the host refused a channel's message.</summary>
public enum IntakeRefusal
{
    /// <summary>The message itself is unusable (no valid sender address, an unknown channel id...).</summary>
    Invalid,

    /// <summary>No ticket has the number given.</summary>
    UnknownTicket,

    /// <summary>The sender is not the ticket's customer, so the message is not added to its thread.</summary>
    NotTheCustomer,
}

/// <summary>Thrown by <see cref="IIntakeService"/> when it refuses a message; nothing was stored.</summary>
public sealed class IntakeRefusedException : Exception
{
    public IntakeRefusedException(IntakeRefusal reason, string message)
        : base(message) => Reason = reason;

    public IntakeRefusedException()
    {
    }

    public IntakeRefusedException(string message)
        : base(message)
    {
    }

    public IntakeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IntakeRefusal Reason { get; }
}

/// <summary>
/// The host's door for channels: opens tickets and appends messages through the portal's own paths
/// (validation, sanitising, customer matching, emails, events), idempotently by channel and external id.
/// Registered by the Ticketing module as a singleton; plugins receive it through dependency injection.
/// </summary>
public interface IIntakeService
{
    /// <summary>Opens a ticket, or returns the one the same external id opened before.</summary>
    /// <exception cref="IntakeRefusedException">The message cannot open a ticket.</exception>
    Task<IntakeResult> OpenTicketAsync(IntakeTicket ticket, CancellationToken cancellationToken);

    /// <summary>Adds a customer message to a ticket's thread, or returns the ticket when the external id was received before.</summary>
    /// <exception cref="IntakeRefusedException">No such ticket, or the sender is not its customer.</exception>
    Task<IntakeResult> AppendMessageAsync(IntakeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A channel's background work (polling a mailbox...). The host runs each registered poller on its
/// <see cref="Interval"/>: an exception is logged and shown on the admin plugins page, and the poller is
/// tried again at the next interval. The token is cancelled when the host stops.
/// </summary>
public interface IChannelPoller
{
    TimeSpan Interval { get; }

    Task PollAsync(CancellationToken cancellationToken);
}
