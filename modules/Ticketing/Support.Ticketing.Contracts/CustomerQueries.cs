using Support.Kernel.Contracts;

namespace Support.Ticketing.Contracts;

/// <summary>A customer company as other modules name it.</summary>
/// <param name="Id">The company's id.</param>
/// <param name="Name">Its name.</param>
public sealed record CompanySummary(long Id, string Name);

/// <summary>Every customer company, by name (for forms that choose companies, e.g. the companies an incident affects).</summary>
public sealed record CompanyDirectoryQuery : IQuery<IReadOnlyList<CompanySummary>>;

/// <summary>A customer known to support, with the company they belong to.</summary>
/// <param name="CompanyId">The company's id.</param>
/// <param name="CompanyName">The company's name.</param>
/// <param name="Email">The customer's address.</param>
/// <param name="Name">The customer's name.</param>
public sealed record CompanyContact(long CompanyId, string CompanyName, string Email, string Name);

/// <summary>The contacts (customers who opened tickets) of the given companies, by company then name.</summary>
/// <param name="CompanyIds">The companies.</param>
public sealed record CompanyContactsQuery(IReadOnlyList<long> CompanyIds) : IQuery<IReadOnlyList<CompanyContact>>;

/// <summary>The company a customer address belongs to, or null when support does not know the address.</summary>
/// <param name="Email">The customer's address, in any case.</param>
public sealed record ContactCompanyQuery(string Email) : IQuery<CompanySummary?>;

/// <summary>A ticket as other modules link to it.</summary>
/// <param name="TicketId">The ticket's internal id.</param>
/// <param name="Number">The six-digit number.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="CompanyId">The customer's company.</param>
/// <param name="CompanyName">The company's name.</param>
/// <param name="CreatedAtUtc">When it was opened.</param>
public sealed record TicketDigest(long TicketId, int Number, string Subject, TicketStatus Status, TicketSeverity Severity, long CompanyId, string CompanyName, DateTime CreatedAtUtc);

/// <summary>The ticket with that number, or null when none has it.</summary>
/// <param name="Number">The six-digit number.</param>
public sealed record TicketDigestQuery(int Number) : IQuery<TicketDigest?>;
