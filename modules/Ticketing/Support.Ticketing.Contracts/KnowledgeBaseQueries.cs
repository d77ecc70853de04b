using Support.Kernel.Contracts;

namespace Support.Ticketing.Contracts;

/// <summary>The help topics in the portal's order (the knowledge base starts its categories from them).</summary>
public sealed record HelpTopicsQuery : IQuery<IReadOnlyList<HelpTopicSummary>>;

/// <summary>A help topic: its stable key and its names in French and English.</summary>
public sealed record HelpTopicSummary(string Key, string NameFr, string NameEn, int SortOrder, bool Active);

/// <summary>
/// A ticket's subject and public thread (internal notes left out), for an agent who turns the ticket
/// into a knowledge-base article; null when no ticket has that number.
/// </summary>
public sealed record TicketForArticleQuery(int Number) : IQuery<TicketForArticle?>;

/// <summary>What an article drafted from a ticket starts from.</summary>
public sealed record TicketForArticle(int Number, string Subject, string HelpTopic, IReadOnlyList<TicketMessageForArticle> Messages);

/// <summary>One public message of the ticket, its HTML already sanitised.</summary>
public sealed record TicketMessageForArticle(bool FromStaff, string AuthorName, string BodyHtml, DateTime CreatedAtUtc);
