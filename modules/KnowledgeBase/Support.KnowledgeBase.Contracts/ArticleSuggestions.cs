using MediatR;
using Support.Kernel.Contracts;

namespace Support.KnowledgeBase.Contracts;

/// <summary>
/// The published public articles that best match what a customer is typing (the new-ticket form's
/// subject and detail), articles in <paramref name="Language"/> first; empty for text too short to search.
/// </summary>
public sealed record SuggestArticlesQuery(string Text, string Language, int Limit = 5) : IQuery<IReadOnlyList<ArticleSuggestion>>;

/// <summary>
/// The articles an agent may use on a ticket (public and internal, published or not), best match
/// first: the ticket page's knowledge-base search.
/// </summary>
public sealed record SearchArticlesForAgentQuery(string Text, string Language, int Limit = 10) : IQuery<IReadOnlyList<ArticleSuggestion>>;

/// <summary>An article found for a customer or an agent.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Summary">Its summary, or the start of its text.</param>
/// <param name="Url">Its portal address, app-relative (e.g. <c>/kb/articles/12</c>).</param>
/// <param name="Language"><c>fr</c> or <c>en</c>.</param>
/// <param name="IsPublic">Whether customers can read it (public and published): only these may be linked in a reply.</param>
public sealed record ArticleSuggestion(long Id, string Title, string Summary, string Url, string Language, bool IsPublic);

/// <summary>
/// A customer created a ticket after opening these suggested articles: the openings are not
/// deflections. The ids are those the new-ticket form put in the suggested articles' links.
/// </summary>
public sealed record TicketOpenedAfterSuggestionsCommand(IReadOnlyList<Guid> Openings) : IRequest<Unit>;

/// <summary>The knowledge base's addresses other modules link to.</summary>
public static class KnowledgeBaseUrls
{
    /// <summary>The staff page that drafts a new article from a ticket's thread.</summary>
    public static string NewArticleFromTicket(string ticketNumber) => $"/Staff/KnowledgeBase/Articles/Edit?ticket={Uri.EscapeDataString(ticketNumber)}";

    /// <summary>The staff page that edits an article.</summary>
    public static string EditArticle(long articleId) => $"/Staff/KnowledgeBase/Articles/Edit?id={articleId}";
}
