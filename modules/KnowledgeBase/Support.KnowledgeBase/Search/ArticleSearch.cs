using System.Globalization;
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

        var terms = words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*").ToList();
        var ids = await RankAsync(string.Join(' ', terms), language, audience, limit, cancellationToken);
        if (ids.Count == 0 && terms.Count > 1)
        {
            ids = await RankAsync(string.Join(" OR ", terms), language, audience, limit, cancellationToken);
        }

        return ids.Count == 0 ? [] : await HighlightAsync(words, ids, cancellationToken);
    }

    /// <summary>
    /// The words of what was typed, each to be matched as a prefix. Each is quoted in the FTS5 query, so
    /// no operator can be injected; a single letter counts only when it is alone.
    /// </summary>
    internal static List<string> Words(string? text)
    {
        var words = (text ?? "")
            .Split(Separators(), StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (words.Count > 1)
        {
            words = [.. words.Where(w => w.Length > 1)];
        }

        return [.. words.Take(10)];
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

    /// <summary>
    /// The hits with the matched words marked. Marking is done here rather than with FTS5's
    /// highlight() and snippet(): those evaluate the whole query again for each row, about 10 ms
    /// per hit with prefixes matching most of 100,000 articles (docs/benchmarks.md).
    /// </summary>
    private async Task<IReadOnlyList<ArticleHit>> HighlightAsync(List<string> words, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await _db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Language, a.Visibility, a.Status, a.Title, a.Summary, a.BodyText })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        var prefixes = Highlighter.Prefixes(words);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(r => new ArticleHit(
            r.Id, r.Language, r.Visibility, r.Status, r.Title, r.Summary,
            Highlighter.Mark(r.Title, prefixes), Highlighter.Mark(r.Summary, prefixes), Highlighter.Excerpt(r.BodyText, prefixes)))];
    }

    /// <summary>The language an article page or a visitor uses: <c>en</c> or <c>fr</c> (the default).</summary>
    public static string LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
}
