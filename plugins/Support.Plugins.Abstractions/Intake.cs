namespace Support.Plugins.Abstractions;

/// <summary>A ticket a channel opens on a customer's behalf (an email, a logged call...).</summary>
/// <param name="Channel">The plugin's id, recorded as the ticket's source.</param>
/// <param name="Email">The customer's email address.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Company">The customer's company, if known.</param>
/// <param name="Phone">The customer's phone number, if known.</param>
/// <param name="Subject">The subject.</param>
/// <param name="BodyHtml">The first message, as HTML; the host sanitises it.</param>
/// <param name="ExternalId">The channel's own id for the message (a Message-ID, a call id), so a repeat is recognised.</param>
/// <param name="Fields">Values of the plugin's contributed fields, by key.</param>
public sealed record IntakeTicket(
    string Channel,
    string Email,
    string Name,
    string? Company,
    string? Phone,
    string Subject,
    string BodyHtml,
    string ExternalId,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>A message a channel adds to an existing ticket's thread.</summary>
public sealed record IntakeMessage(string Channel, string TicketNumber, string FromEmail, string BodyHtml, string ExternalId);

/// <summary>What the host answers: the ticket's number, and whether the external id had been seen before.</summary>
public sealed record IntakeResult(string TicketNumber, bool WasDuplicate);

/// <summary>
/// The host's door for channels: opens tickets and appends messages, idempotently by external id,
/// received through dependency injection. Not available yet: the Ticketing module will register it.
/// </summary>
public interface IIntakeService
{
    Task<IntakeResult> OpenTicketAsync(IntakeTicket ticket, CancellationToken cancellationToken);

    Task<IntakeResult> AppendMessageAsync(IntakeMessage message, CancellationToken cancellationToken);
}

/// <summary>A channel's background work (polling a mailbox...) on an interval. Not run yet: the host gains its poller runner with the email channel.</summary>
public interface IChannelPoller
{
    TimeSpan Interval { get; }

    Task PollAsync(CancellationToken cancellationToken);
}
