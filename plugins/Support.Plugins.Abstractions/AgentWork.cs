namespace Support.Plugins.Abstractions;

/// <summary>A ticket's severity as the support contract defines it; it chooses the ticket's SLA policy.</summary>
public enum TicketSeverityLevel
{
    /// <summary>Questions, minor defects, anything not blocking production.</summary>
    Normal,

    /// <summary>Production use substantially restricted.</summary>
    Serious,

    /// <summary>The whole system is down; the Critical SLA (1 hour, 24/7) applies.</summary>
    Critical,
}

/// <summary>
/// A contact an agent had with a customer outside the portal (a phone call, a visit), logged from a plugin's
/// staff page: it opens a ticket, or is added to an existing one, and its duration is recorded as time spent.
/// </summary>
/// <param name="Channel">The plugin's id, recorded as the ticket's source.</param>
/// <param name="ExternalId">An id for this log entry (the form's own id, a telephony system's call id), so that a second submission is recognised.</param>
/// <param name="AgentId">The staff account of the agent who logs it (the signed-in user's <c>ClaimTypes.NameIdentifier</c>).</param>
/// <param name="TicketNumber">The ticket the contact is about (<c>983177</c>, with or without <c>#</c>); <c>null</c> opens a new ticket.</param>
/// <param name="Email">The customer's email address: required for a new ticket (the confirmation is sent to it), ignored otherwise.</param>
/// <param name="Name">The customer's name.</param>
/// <param name="Company">The customer's company.</param>
/// <param name="Phone">The customer's phone number.</param>
/// <param name="Subject">The new ticket's subject (ignored for an existing ticket).</param>
/// <param name="NoteHtml">What was said, as HTML: the new ticket's first message, or an internal note on an existing ticket.</param>
/// <param name="StartedAtUtc">When the contact started, in UTC; the time entry is dated from it.</param>
/// <param name="Minutes">Its duration in whole minutes (1 to 1440), recorded as time spent by the agent.</param>
/// <param name="TimeNote">The time entry's note (one line, at most 1,000 characters).</param>
/// <param name="Severity">The severity to give the ticket; <c>null</c> leaves an existing ticket's as it is and opens a new one as Normal.</param>
/// <param name="Language">The customer's language (<c>fr</c> or <c>en</c>) for a new ticket's emails.</param>
public sealed record LoggedContact(
    string Channel,
    string ExternalId,
    string AgentId,
    string? TicketNumber,
    string? Email,
    string? Name,
    string? Company,
    string? Phone,
    string? Subject,
    string NoteHtml,
    DateTime StartedAtUtc,
    int Minutes,
    string? TimeNote,
    TicketSeverityLevel? Severity = null,
    string? Language = null);

/// <summary>What the host answers to a logged contact.</summary>
/// <param name="TicketNumber">The ticket opened or added to, as customers see it.</param>
/// <param name="OpenedTicket">Whether a new ticket was opened.</param>
/// <param name="WasDuplicate">The external id had been logged before: nothing new was stored.</param>
public sealed record LoggedContactResult(string TicketNumber, bool OpenedTicket, bool WasDuplicate);

/// <summary>
/// The host's door for work agents log through a plugin: the ticket, the note, the severity (and its SLA
/// policy) and the time entry are written in one transaction through the Ticketing module's own paths.
/// Registered by the Ticketing module as a singleton.
/// </summary>
public interface IAgentWorkService
{
    /// <summary>Records the contact, or returns what the same external id recorded before.</summary>
    /// <exception cref="IntakeRefusedException">
    /// <see cref="IntakeRefusal.Invalid"/> (the message lists the problems, in the current UI language) or
    /// <see cref="IntakeRefusal.UnknownTicket"/>; nothing was stored.
    /// </exception>
    Task<LoggedContactResult> LogContactAsync(LoggedContact contact, CancellationToken cancellationToken);
}
