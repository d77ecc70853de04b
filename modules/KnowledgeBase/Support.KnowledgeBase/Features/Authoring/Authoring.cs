using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Kernel.Contracts;
using Support.Kernel.Storage;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Domain;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase.Features.Authoring;

/// <summary>The member of staff who writes: recorded with every revision.</summary>
internal sealed record Author(string StaffId, string Name);

/// <summary>An article in the agents' list, with what readers made of it.</summary>
internal sealed record ArticleRow(
    long Id,
    string Title,
    string Language,
    long CategoryId,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    int Revision,
    DateTime UpdatedAtUtc,
    string UpdatedBy,
    int Views,
    int Helpful,
    int NotHelpful,
    int Deflections);

/// <summary>The agents' article list: newest change first, optionally a text search (any status and visibility) or one category.</summary>
internal sealed record ArticleListQuery(string? Search, long? CategoryId, ArticleStatus? Status, string Language) : IQuery<IReadOnlyList<ArticleRow>>;

internal sealed class ArticleListQueryHandler : IRequestHandler<ArticleListQuery, IReadOnlyList<ArticleRow>>
{
    private readonly KnowledgeBaseDbContext _db;
    private readonly ArticleSearch _search;
    private readonly TimeProvider _clock;

    public ArticleListQueryHandler(KnowledgeBaseDbContext db, ArticleSearch search, TimeProvider clock)
    {
        _db = db;
        _search = search;
        _clock = clock;
    }

    public async Task<IReadOnlyList<ArticleRow>> Handle(ArticleListQuery request, CancellationToken cancellationToken)
    {
        var articles = _db.Articles.AsNoTracking();
        List<long>? order = null;
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            order = [.. (await _search.SearchAsync(request.Search, request.Language, SearchAudience.Staff, 200, cancellationToken)).Select(h => h.Id)];
            articles = articles.Where(a => order.Contains(a.Id));
        }

        if (request.CategoryId is { } category)
        {
            articles = articles.Where(a => a.CategoryId == category);
        }

        if (request.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        var deflectedBefore = _clock.GetUtcNow().UtcDateTime - SuggestionOpening.DeflectionWindow;
        var rows = await articles
            .OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id)
            .Take(500)
            .Select(a => new ArticleRow(
                a.Id, a.Title, a.Language, a.CategoryId, a.Visibility, a.Status, a.Revision, a.UpdatedAtUtc, a.UpdatedBy,
                a.ViewCount, a.HelpfulCount, a.NotHelpfulCount,
                _db.SuggestionOpenings.Count(o => o.ArticleId == a.Id && !o.FollowedByTicket && o.OpenedAtUtc <= deflectedBefore)))
            .ToListAsync(cancellationToken);
        return order is null ? rows : [.. rows.OrderBy(r => order.IndexOf(r.Id))];
    }
}

/// <summary>An article as the editor shows it, with its revisions (newest first) and attachments.</summary>
internal sealed record ArticleForEdit(
    long Id,
    long CategoryId,
    string Language,
    string Title,
    string Summary,
    string BodyHtml,
    string Tags,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    int Revision,
    int? SourceTicketNumber,
    int Views,
    int Helpful,
    int NotHelpful,
    int Deflections,
    IReadOnlyList<RevisionRow> Revisions,
    IReadOnlyList<AttachmentRow> Attachments);

/// <summary>One line of an article's history.</summary>
internal sealed record RevisionRow(int Number, string AuthorName, DateTime CreatedAtUtc, ArticleStatus Status, string Title, int? RestoredFrom);

/// <summary>A file attached to an article.</summary>
internal sealed record AttachmentRow(long Id, string FileName, long Size);

internal sealed record ArticleForEditQuery(long Id) : IQuery<ArticleForEdit?>;

internal sealed class ArticleForEditQueryHandler : IRequestHandler<ArticleForEditQuery, ArticleForEdit?>
{
    private readonly KnowledgeBaseDbContext _db;
    private readonly TimeProvider _clock;

    public ArticleForEditQueryHandler(KnowledgeBaseDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<ArticleForEdit?> Handle(ArticleForEditQuery request, CancellationToken cancellationToken)
    {
        var article = await _db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var revisions = await _db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == article.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.AuthorName, r.CreatedAtUtc, r.Status, r.Title, r.RestoredFrom))
            .ToListAsync(cancellationToken);
        var attachments = await _db.Attachments.AsNoTracking()
            .Where(a => a.ArticleId == article.Id)
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.Size))
            .ToListAsync(cancellationToken);
        var deflectedBefore = _clock.GetUtcNow().UtcDateTime - SuggestionOpening.DeflectionWindow;
        var deflections = await _db.SuggestionOpenings.CountAsync(o => o.ArticleId == article.Id && !o.FollowedByTicket && o.OpenedAtUtc <= deflectedBefore, cancellationToken);
        return new ArticleForEdit(
            article.Id, article.CategoryId, article.Language, article.Title, article.Summary, article.BodyHtml, article.Tags,
            article.Visibility, article.Status, article.Revision, article.SourceTicketNumber,
            article.ViewCount, article.HelpfulCount, article.NotHelpfulCount, deflections, revisions, attachments);
    }
}

/// <summary>
/// Creates an article (no id) or saves a new revision of one: the body is sanitised, the files are
/// checked and stored, and the whole content is kept as the next revision with its author.
/// </summary>
internal sealed record SaveArticleCommand(
    long? Id,
    long CategoryId,
    string? Language,
    string? Title,
    string? Summary,
    string? Body,
    string? Tags,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    int? SourceTicketNumber,
    IReadOnlyList<UploadedFile> Files,
    Author Author) : IRequest<long>;

internal sealed class SaveArticleValidator : AbstractValidator<SaveArticleCommand>
{
    public SaveArticleValidator(IStringLocalizer<KnowledgeBaseResource> t, KnowledgeBaseDbContext db)
    {
        RuleFor(c => c.Title)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(t["The title is required."])
            .Must(v => v is null || (v.Trim().Length <= ArticleLimits.Title && !v.Any(char.IsControl))).WithMessage(t["The title is one line of at most {0} characters.", ArticleLimits.Title]);
        RuleFor(c => c.Summary)
            .Must(v => v is null || v.Trim().Length <= ArticleLimits.Summary).WithMessage(t["The summary must be at most {0} characters.", ArticleLimits.Summary]);
        RuleFor(c => c.Tags)
            .Must(v => Article.NormalizeTags(v).Length <= ArticleLimits.Tags).WithMessage(t["The tags must be at most {0} characters.", ArticleLimits.Tags]);
        RuleFor(c => c.Body)
            .Must(v => v is null || v.Length <= ArticleLimits.BodyHtml).WithMessage(t["The article is too long (images included, at most 3 MB)."])
            .Must(v => !RichText.Sanitise(v).IsEmpty).WithMessage(t["The article has no text: write the procedure."]);
        RuleFor(c => c.Language)
            .Must(v => v is "fr" or "en").WithMessage(t["Choose the article's language."]);
        RuleFor(c => c.Visibility).IsInEnum();
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.CategoryId)
            .MustAsync((id, ct) => db.Categories.AnyAsync(c => c.Id == id, ct)).WithMessage(t["Choose a category."]);
        RuleFor(c => c.Id)
            .MustAsync(async (id, ct) => id is null || await db.Articles.AnyAsync(a => a.Id == id, ct)).WithMessage(t["This article no longer exists."]);
        RuleFor(c => c.Files).Custom((files, context) =>
        {
            foreach (var refused in AttachmentPolicy.Check(files).Refused)
            {
                context.AddFailure(nameof(SaveArticleCommand.Files), AttachmentMessages.Refusal(refused, t));
            }
        });
    }
}

internal sealed class SaveArticleHandler : IRequestHandler<SaveArticleCommand, long>
{
    private readonly KnowledgeBaseDbContext _db;
    private readonly IBlobStore _blobs;
    private readonly TimeProvider _clock;

    public SaveArticleHandler(KnowledgeBaseDbContext db, IBlobStore blobs, TimeProvider clock)
    {
        _db = db;
        _blobs = blobs;
        _clock = clock;
    }

    public async Task<long> Handle(SaveArticleCommand request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        // Blobs first: a failed commit leaves an unreferenced blob, never a row without its file.
        var stored = new List<(AcceptedFile File, string Key)>();
        foreach (var file in AttachmentPolicy.Check(request.Files).Accepted)
        {
            stored.Add((file, await _blobs.PutAsync(file.Content, cancellationToken)));
        }

        var article = request.Id is { } id
            ? await _db.Articles.SingleAsync(a => a.Id == id, cancellationToken)
            : _db.Articles.Add(new Article(now)).Entity;
        var body = RichText.Sanitise(request.Body);
        var content = new ArticleContent(
            request.CategoryId,
            request.Language!,
            request.Title!.Trim(),
            (request.Summary ?? "").Trim(),
            body.Html,
            body.Text,
            Article.NormalizeTags(request.Tags),
            request.Visibility,
            request.Status,
            request.SourceTicketNumber);
        _db.Revisions.Add(article.Write(content, request.Author.Name, request.Author.StaffId, now, restoredFrom: null));
        await _db.SaveChangesAsync(cancellationToken);

        if (stored.Count > 0)
        {
            _db.Attachments.AddRange(stored.Select(s => new ArticleAttachment(article.Id, AttachmentPolicy.SafeFileName(s.File.FileName), s.File.ContentType, s.File.Content.Length, s.Key, now)));
            await _db.SaveChangesAsync(cancellationToken);
        }

        return article.Id;
    }
}

/// <summary>Removes a file from an article.</summary>
internal sealed record RemoveAttachmentCommand(long ArticleId, long AttachmentId) : IRequest<Unit>;

internal sealed class RemoveAttachmentHandler : IRequestHandler<RemoveAttachmentCommand, Unit>
{
    private readonly KnowledgeBaseDbContext _db;

    public RemoveAttachmentHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<Unit> Handle(RemoveAttachmentCommand request, CancellationToken cancellationToken)
    {
        await _db.Attachments.Where(a => a.Id == request.AttachmentId && a.ArticleId == request.ArticleId).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>An earlier revision as it was saved.</summary>
internal sealed record RevisionView(long ArticleId, int Number, int LatestNumber, string Title, string Summary, string BodyHtml, string Tags, string Language, ArticleVisibility Visibility, ArticleStatus Status, string AuthorName, DateTime CreatedAtUtc, long CategoryId);

internal sealed record RevisionQuery(long ArticleId, int Number) : IQuery<RevisionView?>;

internal sealed class RevisionQueryHandler : IRequestHandler<RevisionQuery, RevisionView?>
{
    private readonly KnowledgeBaseDbContext _db;

    public RevisionQueryHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<RevisionView?> Handle(RevisionQuery request, CancellationToken cancellationToken) =>
        await _db.Revisions.AsNoTracking()
            .Where(r => r.ArticleId == request.ArticleId && r.Number == request.Number)
            .Select(r => new RevisionView(r.ArticleId, r.Number, r.Article!.Revision, r.Title, r.Summary, r.BodyHtml, r.Tags, r.Language, r.Visibility, r.Status, r.AuthorName, r.CreatedAtUtc, r.CategoryId))
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Brings an earlier revision back as the article's content. Nothing is lost: the restore is itself a
/// new revision that says which one it restored, and the revisions in between stay in the history.
/// </summary>
internal sealed record RestoreRevisionCommand(long ArticleId, int Number, Author Author) : IRequest<int>;

internal sealed class RestoreRevisionValidator : AbstractValidator<RestoreRevisionCommand>
{
    public RestoreRevisionValidator(IStringLocalizer<KnowledgeBaseResource> t, KnowledgeBaseDbContext db)
    {
        RuleFor(c => c)
            .MustAsync((c, ct) => db.Revisions.AnyAsync(r => r.ArticleId == c.ArticleId && r.Number == c.Number, ct))
            .WithMessage(t["This revision does not exist."])
            .OverridePropertyName(nameof(RestoreRevisionCommand.Number));
        RuleFor(c => c)
            .MustAsync((c, ct) => db.Categories.AnyAsync(k => db.Revisions.Any(r => r.ArticleId == c.ArticleId && r.Number == c.Number && r.CategoryId == k.Id), ct))
            .WithMessage(t["The category of this revision was deleted: restore it into another category by editing the article."])
            .OverridePropertyName(nameof(RestoreRevisionCommand.Number));
    }
}

internal sealed class RestoreRevisionHandler : IRequestHandler<RestoreRevisionCommand, int>
{
    private readonly KnowledgeBaseDbContext _db;
    private readonly TimeProvider _clock;

    public RestoreRevisionHandler(KnowledgeBaseDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<int> Handle(RestoreRevisionCommand request, CancellationToken cancellationToken)
    {
        var article = await _db.Articles.SingleAsync(a => a.Id == request.ArticleId, cancellationToken);
        var revision = await _db.Revisions.AsNoTracking().SingleAsync(r => r.ArticleId == request.ArticleId && r.Number == request.Number, cancellationToken);
        var restored = article.Write(revision.Content(article.SourceTicketNumber), request.Author.Name, request.Author.StaffId, _clock.GetUtcNow().UtcDateTime, revision.Number);
        _db.Revisions.Add(restored);
        await _db.SaveChangesAsync(cancellationToken);
        return restored.Number;
    }
}

/// <summary>Why a file was refused, naming it.</summary>
internal static class AttachmentMessages
{
    public static string Refusal(RefusedFile refused, IStringLocalizer t) => refused.Reason switch
    {
        RefusalReason.TooMany => t["\"{0}\": at most {1} files can be attached at once.", refused.FileName, AttachmentPolicy.MaxFiles],
        RefusalReason.TooLarge => t["\"{0}\" is larger than 2 MB.", refused.FileName],
        RefusalReason.Empty => t["\"{0}\" is empty.", refused.FileName],
        RefusalReason.ContentDoesNotMatchName => t["\"{0}\": the content of the file does not match its type.", refused.FileName],
        _ => t["\"{0}\": this type of file is not accepted.", refused.FileName],
    };
}
