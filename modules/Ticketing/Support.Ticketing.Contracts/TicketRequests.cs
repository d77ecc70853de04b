using Support.Kernel.Contracts;

namespace Support.Ticketing.Contracts;

/// <summary>What other modules need to know of a ticket to act on it: who the customer is and how it is classified.</summary>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The number as customers see it (six digits).</param>
/// <param name="Subject">The subject.</param>
/// <param name="Status">The status.</param>
/// <param name="Severity">The severity (its SLA targets).</param>
/// <param name="Team">The team it is assigned to.</param>
/// <param name="CustomerName">The customer's name.</param>
/// <param name="CustomerEmail">The customer's address.</param>
/// <param name="CompanyName">The customer's company.</param>
/// <param name="Language">The customer's language (<c>fr</c> or <c>en</c>), for the emails they receive.</param>
/// <param name="StaffUrl">The absolute address of the ticket in the staff console.</param>
/// <param name="StaffRecipients">The agents told about the ticket (its team's members or all staff, and its agent): their addresses.</param>
/// <param name="CompanyRegion">The region the customer's company is served from; null when the company has none.</param>
public sealed record TicketSummary(
    long TicketId,
    string Number,
    string Subject,
    TicketStatus Status,
    TicketSeverity Severity,
    SupportTeam Team,
    string CustomerName,
    string CustomerEmail,
    string CompanyName,
    string Language,
    string StaffUrl,
    IReadOnlyList<string> StaffRecipients,
    SupportRegion? CompanyRegion);

/// <summary>A ticket by its id or its number; null when there is none.</summary>
public sealed record TicketSummaryQuery(long? TicketId = null, int? Number = null) : IQuery<TicketSummary?>;

/// <summary>
/// The ticket the current request's customer session (opened through an emailed access link) gives access to;
/// null when the request carries no usable session. Other modules' customer pages rest on it.
/// </summary>
public sealed record CustomerSessionTicketQuery : IQuery<TicketSummary?>;

/// <summary>
/// Adds a line to the ticket's audit trail on behalf of another module (an escalation, a reclassification request),
/// with its text in French and English; the line is shown in the agent's language.
/// </summary>
public sealed record RecordTicketTimelineCommand(long TicketId, string Actor, string? ActorStaffId, string TextFr, string TextEn) : MediatR.IRequest<bool>;

/// <summary>
/// Changes the ticket's severity as a reviewed reclassification request decided: the audit trail records it, the SLA
/// clocks are timed again and "severity changed" is raised. False when the ticket does not exist.
/// </summary>
public sealed record ReclassifyTicketSeverityCommand(long TicketId, TicketSeverity Severity, string Actor, string? ActorStaffId) : MediatR.IRequest<bool>;

/// <summary>Where a module's panel goes on a Ticketing page.</summary>
public enum TicketPage
{
    /// <summary>The customer's view of the ticket (<c>/tickets/view</c>), under the thread.</summary>
    CustomerView,

    /// <summary>The agent's ticket page (<c>/Staff/Tickets/{number}</c>), in the side column.</summary>
    StaffTicket,
}

/// <summary>
/// A panel another module adds to a Ticketing page: a view component invoked with the ticket's id and number
/// (<c>ticketId</c>, <c>number</c>). Registered as a singleton by the module; absent when the module is switched off.
/// </summary>
public sealed record TicketPagePanel(TicketPage Page, string ViewComponent, int Order);

/// <summary>
/// A link another module adds to the agent's ticket page, beside the ticket's title (e.g. "Déclarer un incident
/// majeur"). Registered as a singleton by the module; absent when the module is switched off.
/// </summary>
/// <param name="Order">Position among the actions, ascending.</param>
/// <param name="HrefTemplate">The link's target, app-relative; <c>{number}</c> is replaced by the ticket's six-digit number.</param>
/// <param name="English">The label in English.</param>
/// <param name="French">The label in French, the reference wording.</param>
public sealed record TicketAction(int Order, string HrefTemplate, string English, string French)
{
    /// <summary>The link for a ticket.</summary>
    public string Href(string number) => HrefTemplate.Replace("{number}", Uri.EscapeDataString(number), StringComparison.Ordinal);

    /// <summary>The label in the given UI language (French unless English is asked for).</summary>
    public string Label(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? English : French;
}

/// <summary>The absolute address of a portal path for links in emails (the configured public address, else the request's).</summary>
public sealed record PortalAddressQuery(string Path) : IQuery<string>;

/// <summary>
/// Assigns the ticket to a team on behalf of another module (a hand-off to an expert team): the ticket leaves its agent
/// and lands in the team's queue; the audit trail records it and "ticket assigned" is raised. False when the ticket does not exist.
/// </summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="Team">The team that takes the ticket.</param>
/// <param name="Actor">Who assigns it, for the audit trail.</param>
/// <param name="ActorStaffId">Their staff id, if they are staff.</param>
/// <param name="TimelineFr">Why, for the audit trail (a line before the team change), in French; none: only the change is recorded.</param>
/// <param name="TimelineEn">The same line in English.</param>
public sealed record AssignTicketTeamCommand(long TicketId, SupportTeam Team, string Actor, string? ActorStaffId, string? TimelineFr = null, string? TimelineEn = null)
    : MediatR.IRequest<bool>;
