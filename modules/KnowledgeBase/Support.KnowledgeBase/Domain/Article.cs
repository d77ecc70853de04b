namespace Support.KnowledgeBase.Domain;

/// <summary>Who may read an article.</summary>
internal enum ArticleVisibility
{
    /// <summary>Customers on the portal, once published.</summary>
    Public = 0,

    /// <summary>Staff only, never shown on the portal.</summary>
    Internal = 1,
}

/// <summary>Whether an article is being written or can be read.</summary>
internal enum ArticleStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>The limits of an article's fields.</summary>
internal static class ArticleLimits
{
    public const int Title = 200;
    public const int Summary = 500;
    public const int Tags = 300;
    public const int BodyHtml = 3 * 1024 * 1024;
    public const int CategoryName = 100;
}

/// <summary>
/// A procedure agents write for customers (or for each other): its current content, where it is
/// filed, who may read it, and what readers made of it. Every save is kept as an <see cref="ArticleRevision"/>.
/// </summary>
internal sealed class Article
{
    private Article()
    {
    }

    public Article(DateTime now)
    {
        CreatedAtUtc = now;
        UpdatedAtUtc = now;
    }

    public long Id { get; private set; }

    public long CategoryId { get; private set; }

    /// <summary><c>fr</c> or <c>en</c>.</summary>
    public string Language { get; private set; } = "fr";

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>The sanitised HTML, safe to render.</summary>
    public string BodyHtml { get; private set; } = "";

    /// <summary>The body's text, for the search index.</summary>
    public string BodyText { get; private set; } = "";

    /// <summary>Tags separated by commas, as the agent wrote them (trimmed, without duplicates).</summary>
    public string Tags { get; private set; } = "";

    public ArticleVisibility Visibility { get; private set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>The number of the latest revision.</summary>
    public int Revision { get; private set; }

    /// <summary>The ticket the article was drafted from, if any.</summary>
    public int? SourceTicketNumber { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public int ViewCount { get; private set; }

    public int HelpfulCount { get; private set; }

    public int NotHelpfulCount { get; private set; }

    public bool IsReadableByCustomers => Visibility == ArticleVisibility.Public && Status == ArticleStatus.Published;

    /// <summary>Sets the content and files the change as the next revision.</summary>
    public ArticleRevision Write(ArticleContent content, string author, string? authorStaffId, DateTime now, int? restoredFrom)
    {
        CategoryId = content.CategoryId;
        Language = content.Language;
        Title = content.Title;
        Summary = content.Summary;
        BodyHtml = content.BodyHtml;
        BodyText = content.BodyText;
        Tags = content.Tags;
        Visibility = content.Visibility;
        SourceTicketNumber ??= content.SourceTicketNumber;
        if (content.Status == ArticleStatus.Published && Status != ArticleStatus.Published)
        {
            PublishedAtUtc = now;
        }

        Status = content.Status;
        UpdatedAtUtc = now;
        UpdatedBy = author;
        Revision += 1;
        return new ArticleRevision(this, Revision, author, authorStaffId, now, restoredFrom);
    }

    public void CountView() => ViewCount += 1;

    public void CountFeedback(bool helpful)
    {
        if (helpful)
        {
            HelpfulCount += 1;
        }
        else
        {
            NotHelpfulCount += 1;
        }
    }

    /// <summary>Splits what an agent typed into distinct tags.</summary>
    public static string NormalizeTags(string? tags) =>
        string.Join(", ", (tags ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.CurrentCultureIgnoreCase));
}

/// <summary>What an agent saves: an article's content and settings, already sanitised.</summary>
internal sealed record ArticleContent(
    long CategoryId,
    string Language,
    string Title,
    string Summary,
    string BodyHtml,
    string BodyText,
    string Tags,
    ArticleVisibility Visibility,
    ArticleStatus Status,
    int? SourceTicketNumber);

/// <summary>An article as it was after one save: kept so that any earlier state can be read and restored.</summary>
internal sealed class ArticleRevision
{
    private ArticleRevision()
    {
    }

    public ArticleRevision(Article article, int number, string author, string? authorStaffId, DateTime now, int? restoredFrom)
    {
        ArticleId = article.Id;
        Article = article;
        Number = number;
        CategoryId = article.CategoryId;
        Language = article.Language;
        Title = article.Title;
        Summary = article.Summary;
        BodyHtml = article.BodyHtml;
        BodyText = article.BodyText;
        Tags = article.Tags;
        Visibility = article.Visibility;
        Status = article.Status;
        AuthorName = author;
        AuthorStaffId = authorStaffId;
        CreatedAtUtc = now;
        RestoredFrom = restoredFrom;
    }

    public long Id { get; private set; }

    public long ArticleId { get; private set; }

    public Article? Article { get; private set; }

    public int Number { get; private set; }

    public long CategoryId { get; private set; }

    public string Language { get; private set; } = "fr";

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string BodyHtml { get; private set; } = "";

    public string BodyText { get; private set; } = "";

    public string Tags { get; private set; } = "";

    public ArticleVisibility Visibility { get; private set; }

    public ArticleStatus Status { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string? AuthorStaffId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The revision this one brought back, when it was a restore.</summary>
    public int? RestoredFrom { get; private set; }

    public ArticleContent Content(int? sourceTicketNumber) =>
        new(CategoryId, Language, Title, Summary, BodyHtml, BodyText, Tags, Visibility, Status, sourceTicketNumber);
}

/// <summary>A file attached to an article; the bytes are in the blob store under <see cref="BlobKey"/>.</summary>
internal sealed class ArticleAttachment
{
    private ArticleAttachment()
    {
    }

    public ArticleAttachment(long articleId, string fileName, string contentType, long size, string blobKey, DateTime now)
    {
        ArticleId = articleId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        BlobKey = blobKey;
        AddedAtUtc = now;
    }

    public long Id { get; private set; }

    public long ArticleId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type found from the file's content.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public string BlobKey { get; private set; } = "";

    public DateTime AddedAtUtc { get; private set; }
}

/// <summary>
/// A customer opened an article the new-ticket form suggested. Unless a ticket follows within
/// <see cref="DeflectionWindow"/>, the article solved the problem: a deflection.
/// </summary>
internal sealed class SuggestionOpening
{
    public static readonly TimeSpan DeflectionWindow = TimeSpan.FromHours(1);

    private SuggestionOpening()
    {
    }

    public SuggestionOpening(Guid id, long articleId, DateTime now)
    {
        Id = id;
        ArticleId = articleId;
        OpenedAtUtc = now;
    }

    /// <summary>Chosen by the form's script and carried in the article's link.</summary>
    public Guid Id { get; private set; }

    public long ArticleId { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public bool FollowedByTicket { get; private set; }

    public void TicketFollowed() => FollowedByTicket = true;
}

/// <summary>A knowledge-base category: the help topics at first, then whatever agents make of them.</summary>
internal sealed class Category
{
    private Category()
    {
    }

    public Category(string nameFr, string nameEn, int sortOrder, string? helpTopicKey)
    {
        NameFr = nameFr;
        NameEn = nameEn;
        SortOrder = sortOrder;
        HelpTopicKey = helpTopicKey;
    }

    public long Id { get; private set; }

    public string NameFr { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    /// <summary>The help topic the category was created from, if any (an article drafted from a ticket lands there).</summary>
    public string? HelpTopicKey { get; private set; }

    public string Name(string language) => language == "en" ? NameEn : NameFr;

    public void Rename(string nameFr, string nameEn, int sortOrder)
    {
        NameFr = nameFr;
        NameEn = nameEn;
        SortOrder = sortOrder;
    }
}
