using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.KnowledgeBase.Contracts;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Features.Suggestions;

internal sealed class SuggestArticlesQueryHandler : IRequestHandler<SuggestArticlesQuery, IReadOnlyList<ArticleSuggestion>>
{
    private readonly ArticleSearch _search;

    public SuggestArticlesQueryHandler(ArticleSearch search) => _search = search;

    public async Task<IReadOnlyList<ArticleSuggestion>> Handle(SuggestArticlesQuery request, CancellationToken cancellationToken)
    {
        // Fewer than three letters says nothing yet; the form asks again as the customer types.
        if ((request.Text ?? "").Count(char.IsLetterOrDigit) < 3)
        {
            return [];
        }

        var hits = await _search.SearchAsync(request.Text, request.Language, SearchAudience.Customers, Math.Clamp(request.Limit, 1, 10), cancellationToken);
        return [.. hits.Select(h => h.ToSuggestion())];
    }
}

internal sealed class SearchArticlesForAgentQueryHandler : IRequestHandler<SearchArticlesForAgentQuery, IReadOnlyList<ArticleSuggestion>>
{
    private readonly ArticleSearch _search;

    public SearchArticlesForAgentQueryHandler(ArticleSearch search) => _search = search;

    public async Task<IReadOnlyList<ArticleSuggestion>> Handle(SearchArticlesForAgentQuery request, CancellationToken cancellationToken)
    {
        var hits = await _search.SearchAsync(request.Text, request.Language, SearchAudience.Staff, Math.Clamp(request.Limit, 1, 20), cancellationToken);
        return [.. hits.Select(h => h.ToSuggestion())];
    }
}

internal sealed class TicketOpenedAfterSuggestionsHandler : IRequestHandler<TicketOpenedAfterSuggestionsCommand, Unit>
{
    private readonly KnowledgeBaseDbContext _db;

    public TicketOpenedAfterSuggestionsHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<Unit> Handle(TicketOpenedAfterSuggestionsCommand request, CancellationToken cancellationToken)
    {
        var ids = request.Openings.Distinct().Take(50).ToList();
        if (ids.Count > 0)
        {
            await _db.SuggestionOpenings.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.FollowedByTicket, true), cancellationToken);
        }

        return Unit.Value;
    }
}

internal static class ArticleHitSuggestions
{
    /// <summary>The hit as other modules see it: plain text (they encode it where they show it).</summary>
    public static ArticleSuggestion ToSuggestion(this ArticleHit hit) =>
        new(hit.Id, hit.Title, hit.Summary, $"/kb/articles/{hit.Id}", hit.Language, hit.IsReadableByCustomers);
}
