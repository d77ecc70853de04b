using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Domain;

namespace Support.KnowledgeBase.Search;

/// <summary>Who is searching: customers see published public articles only; staff see everything.</summary>
internal enum SearchAudience
{
    Customers,
    Staff,
}

/// <summary>A found article, with its title, summary and an excerpt of its body as HTML where the matched words are marked.</summary>
internal sealed record ArticleHit(long Id, string Language, ArticleVisibility Visibility, ArticleStatus Status, string Title, string Summary, string TitleHtml, string SummaryHtml, string ExcerptHtml)
{
    public bool IsReadableByCustomers => Visibility == ArticleVisibility.Public && Status == ArticleStatus.Published;
}

/// <summary>
/// Full-text search over the articles' FTS5 index (<see cref="ArticleSearchIndex"/>). Every word the
/// visitor typed is matched as a prefix, case and accents ignored; all words must match, or, when no
/// article has them all, any of them. Results are ranked by BM25 with the title weighing most, then
/// the summary and tags, then the body; articles in the preferred language come first.
/// </summary>
internal sealed class ArticleSearch
{
    // Markers the tokenizer drops and no article contains; turned into <mark> after HTML encoding.
    private const char MarkStart = '\u0002';
    private const char MarkEnd = '\u0003';

    /// <summary>
    /// The most matches a search ranks. A query matching more (a single common word) ranks the most
    /// recently written of them: scoring every match of a word found in most articles would cost
    /// hundreds of milliseconds with 100,000 articles (docs/benchmarks.md).
    /// </summary>
    public const int RankedMatchLimit = 2000;

    private readonly KnowledgeBaseDbContext _db;

    public ArticleSearch(KnowledgeBaseDbContext db) => _db = db;

    /// <summary>The best <paramref name="limit"/> articles for <paramref name="text"/>; empty when it has no word to search.</summary>
    public async Task<IReadOnlyList<ArticleHit>> SearchAsync(string? text, string language, SearchAudience audience, int limit, CancellationToken cancellationToken)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return [];
        }

        var ids = await RankAsync(string.Join(' ', words), language, audience, limit, cancellationToken);
        var match = string.Join(' ', words);
        if (ids.Count == 0 && words.Count > 1)
        {
            match = string.Join(" OR ", words);
            ids = await RankAsync(match, language, audience, limit, cancellationToken);
        }

        return ids.Count == 0 ? [] : await HighlightAsync(match, ids, cancellationToken);
    }

    /// <summary>The FTS5 terms of what was typed: each word quoted (so no operator can be injected) and matched as a prefix.</summary>
    internal static List<string> Words(string? text)
    {
        var words = (text ?? "")
            .Split(Separators(), StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // A single letter would match half the articles as a prefix; it counts only when alone.
        if (words.Count > 1)
        {
            words = [.. words.Where(w => w.Length > 1)];
        }

        return [.. words.Take(10).Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*")];
    }

    private static char[] Separators() =>
        [' ', '\t', '\r', '\n', ',', ';', '.', '!', '?', '"', '\'', '’', '(', ')', '[', ']', '{', '}', '*', ':', '-', '^', '+', '/', '\\', '<', '>', '=', '&', '|', '~', '@', '#'];

    private async Task<List<long>> RankAsync(string match, string language, SearchAudience audience, int limit, CancellationToken cancellationToken)
    {
        // Scoring costs the same for every match: past RankedMatchLimit matches, only the newest are ranked.
        var floor = await _db.Database.SqlQuery<long>($"""
            SELECT rowid AS Value FROM knowledgebase_article_search
            WHERE knowledgebase_article_search MATCH {match}
            ORDER BY rowid DESC LIMIT 1 OFFSET {RankedMatchLimit - 1}
            """).ToListAsync(cancellationToken);
        var fromId = floor.Count == 0 ? 0 : floor[0];
        var customersOnly = audience == SearchAudience.Customers;
        return await _db.Database.SqlQuery<long>($"""
            SELECT s.rowid AS Value
            FROM knowledgebase_article_search AS s
            JOIN knowledgebase_article AS a ON a."Id" = s.rowid
            WHERE knowledgebase_article_search MATCH {match} AND s.rowid >= {fromId}
              AND ({customersOnly} = 0 OR (a."Status" = {(int)ArticleStatus.Published} AND a."Visibility" = {(int)ArticleVisibility.Public}))
            ORDER BY a."Language" = {language} DESC, bm25(knowledgebase_article_search, 10.0, 4.0, 6.0, 1.0), s.rowid DESC
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ArticleHit>> HighlightAsync(string match, List<long> ids, CancellationToken cancellationToken)
    {
        var start = MarkStart.ToString();
        var end = MarkEnd.ToString();
        var hits = new List<ArticleHit>(ids.Count);
        // One look-up by rowid per hit: FTS5 finds a rowid directly, where an IN list would walk every match.
        foreach (var id in ids)
        {
            var rows = await _db.Database.SqlQuery<HighlightRow>($"""
                SELECT a."Id", a."Language", a."Visibility", a."Status", a."Title", a."Summary",
                       highlight(knowledgebase_article_search, 0, {start}, {end}) AS "TitleMarked",
                       highlight(knowledgebase_article_search, 1, {start}, {end}) AS "SummaryMarked",
                       snippet(knowledgebase_article_search, 3, {start}, {end}, '…', 24) AS "ExcerptMarked"
                FROM knowledgebase_article_search
                JOIN knowledgebase_article AS a ON a."Id" = knowledgebase_article_search.rowid
                WHERE knowledgebase_article_search MATCH {match} AND knowledgebase_article_search.rowid = {id}
                """).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => new ArticleHit(
                r.Id, r.Language, (ArticleVisibility)r.Visibility, (ArticleStatus)r.Status, r.Title, r.Summary, Marked(r.TitleMarked), Marked(r.SummaryMarked), Marked(r.ExcerptMarked))));
        }

        return hits;
    }

    /// <summary>The text HTML-encoded, with the matched words in <c>&lt;mark&gt;</c>.</summary>
    internal static string Marked(string? text)
    {
        var encoded = WebUtility.HtmlEncode(text ?? "");
        return new StringBuilder(encoded)
            .Replace(MarkStart.ToString(), "<mark>")
            .Replace(MarkEnd.ToString(), "</mark>")
            .ToString();
    }

    /// <summary>The language an article page or a visitor uses: <c>en</c> or <c>fr</c> (the default).</summary>
    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "fr";

    internal sealed class HighlightRow
    {
        public long Id { get; init; }

        public string Language { get; init; } = "";

        public int Visibility { get; init; }

        public int Status { get; init; }

        public string Title { get; init; } = "";

        public string Summary { get; init; } = "";

        public string? TitleMarked { get; init; }

        public string? SummaryMarked { get; init; }

        public string? ExcerptMarked { get; init; }
    }
}
