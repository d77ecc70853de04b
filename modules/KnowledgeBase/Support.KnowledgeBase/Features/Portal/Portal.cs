using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Contracts;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Domain;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Features.Portal;

/// <summary>An article as a portal list shows it.</summary>
internal sealed record ArticleLink(long Id, string Title, string Summary, string Language);

/// <summary>A category with the articles customers can read in it.</summary>
internal sealed record PortalCategory(long Id, string Name, IReadOnlyList<ArticleLink> Articles, int Total);

/// <summary>
/// The portal's knowledge-base home: every category that has readable articles, each with its first
/// articles by title, those in <paramref name="Language"/> first.
/// </summary>
internal sealed record PortalCategoriesQuery(string Language, int ArticlesPerCategory) : IQuery<IReadOnlyList<PortalCategory>>;

internal sealed class PortalCategoriesQueryHandler : IRequestHandler<PortalCategoriesQuery, IReadOnlyList<PortalCategory>>
{
    private readonly KnowledgeBaseDbContext _db;

    public PortalCategoriesQueryHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<IReadOnlyList<PortalCategory>> Handle(PortalCategoriesQuery request, CancellationToken cancellationToken)
    {
        var categories = await _db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var result = new List<PortalCategory>();
        foreach (var category in categories)
        {
            var readable = Readable(_db.Articles.AsNoTracking()).Where(a => a.CategoryId == category.Id);
            var total = await readable.CountAsync(cancellationToken);
            if (total == 0)
            {
                continue;
            }

            var articles = await readable
                .OrderByDescending(a => a.Language == request.Language).ThenBy(a => a.Title)
                .Take(request.ArticlesPerCategory)
                .Select(a => new ArticleLink(a.Id, a.Title, a.Summary, a.Language))
                .ToListAsync(cancellationToken);
            result.Add(new PortalCategory(category.Id, category.Name(request.Language), articles, total));
        }

        return result;
    }

    /// <summary>What customers may read: published public articles.</summary>
    public static IQueryable<Article> Readable(IQueryable<Article> articles) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.Visibility == ArticleVisibility.Public);
}

/// <summary>One category's readable articles, all of them (null when the category does not exist).</summary>
internal sealed record PortalCategoryQuery(long Id, string Language) : IQuery<PortalCategory?>;

internal sealed class PortalCategoryQueryHandler : IRequestHandler<PortalCategoryQuery, PortalCategory?>
{
    private readonly KnowledgeBaseDbContext _db;

    public PortalCategoryQueryHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<PortalCategory?> Handle(PortalCategoryQuery request, CancellationToken cancellationToken)
    {
        var category = await _db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken);
        if (category is null)
        {
            return null;
        }

        var articles = await PortalCategoriesQueryHandler.Readable(_db.Articles.AsNoTracking())
            .Where(a => a.CategoryId == category.Id)
            .OrderByDescending(a => a.Language == request.Language).ThenBy(a => a.Title)
            .Take(1000)
            .Select(a => new ArticleLink(a.Id, a.Title, a.Summary, a.Language))
            .ToListAsync(cancellationToken);
        return new PortalCategory(category.Id, category.Name(request.Language), articles, articles.Count);
    }
}

/// <summary>An article as customers read it.</summary>
internal sealed record PortalArticle(long Id, long CategoryId, string CategoryName, string Language, string Title, string Summary, string BodyHtml, IReadOnlyList<string> Tags, DateTime UpdatedAtUtc, IReadOnlyList<PortalAttachment> Attachments);

/// <summary>A file customers can download from an article.</summary>
internal sealed record PortalAttachment(long Id, string FileName, long Size);

/// <summary>
/// A customer opens an article: counted as a view, and, when the new-ticket form suggested it
/// (<paramref name="Opening"/>), recorded as a suggestion opening. Null when the article does not
/// exist or customers may not read it (a draft or an internal article).
/// </summary>
internal sealed record ReadArticleCommand(long Id, string Language, Guid? Opening) : IRequest<PortalArticle?>;

internal sealed class ReadArticleHandler : IRequestHandler<ReadArticleCommand, PortalArticle?>
{
    private readonly KnowledgeBaseDbContext _db;
    private readonly TimeProvider _clock;

    public ReadArticleHandler(KnowledgeBaseDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<PortalArticle?> Handle(ReadArticleCommand request, CancellationToken cancellationToken)
    {
        var article = await PortalCategoriesQueryHandler.Readable(_db.Articles).SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        article.CountView();
        if (request.Opening is { } opening && opening != Guid.Empty && !await _db.SuggestionOpenings.AnyAsync(o => o.Id == opening, cancellationToken))
        {
            _db.SuggestionOpenings.Add(new SuggestionOpening(opening, article.Id, _clock.GetUtcNow().UtcDateTime));
        }

        await _db.SaveChangesAsync(cancellationToken);
        var category = await _db.Categories.AsNoTracking().SingleAsync(c => c.Id == article.CategoryId, cancellationToken);
        var attachments = await _db.Attachments.AsNoTracking()
            .Where(a => a.ArticleId == article.Id).OrderBy(a => a.Id)
            .Select(a => new PortalAttachment(a.Id, a.FileName, a.Size))
            .ToListAsync(cancellationToken);
        var tags = article.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PortalArticle(article.Id, article.CategoryId, category.Name(request.Language), article.Language, article.Title, article.Summary, article.BodyHtml, tags, article.UpdatedAtUtc, attachments);
    }
}

/// <summary>"Was this article helpful?": a customer's yes or no.</summary>
internal sealed record ArticleFeedbackCommand(long Id, bool Helpful) : IRequest<bool>;

internal sealed class ArticleFeedbackValidator : AbstractValidator<ArticleFeedbackCommand>
{
    public ArticleFeedbackValidator() => RuleFor(c => c.Id).GreaterThan(0);
}

internal sealed class ArticleFeedbackHandler : IRequestHandler<ArticleFeedbackCommand, bool>
{
    private readonly KnowledgeBaseDbContext _db;

    public ArticleFeedbackHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<bool> Handle(ArticleFeedbackCommand request, CancellationToken cancellationToken)
    {
        var article = await PortalCategoriesQueryHandler.Readable(_db.Articles).SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (article is null)
        {
            return false;
        }

        article.CountFeedback(request.Helpful);
        await _db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The portal's search: readable articles only, best first, matched words marked.</summary>
internal sealed record PortalSearchQuery(string? Text, string Language, int Limit = 30) : IQuery<IReadOnlyList<ArticleHit>>;

internal sealed class PortalSearchQueryHandler : IRequestHandler<PortalSearchQuery, IReadOnlyList<ArticleHit>>
{
    private readonly ArticleSearch _search;

    public PortalSearchQueryHandler(ArticleSearch search) => _search = search;

    public Task<IReadOnlyList<ArticleHit>> Handle(PortalSearchQuery request, CancellationToken cancellationToken) =>
        _search.SearchAsync(request.Text, request.Language, SearchAudience.Customers, request.Limit, cancellationToken);
}
