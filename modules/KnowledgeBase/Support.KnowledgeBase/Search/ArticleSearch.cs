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
    /// How many word matches a search scores: 2,000 articles for a one-word query, 1,000 for two
    /// words, and so on (never fewer than <see cref="MinRankedArticles"/>). A query matching more
    /// articles ranks the most recently written of them: BM25 costs about 1 µs per word and article
    /// with 100,000 articles, and scoring every match of common words would cost tens of
    /// milliseconds (docs/benchmarks.md).
    /// </summary>
    public const int RankedWordMatches = 2000;

    /// <summary>The fewest matches a search ranks, however many words it has.</summary>
    public const int MinRankedArticles = 200;

    /// <summary>The articles' covering index for the audience filter and the language order (no article row is read to rank).</summary>
    public const string AudienceIndex = "IX_knowledgebase_article_Id_Status_Visibility_Language";

    private readonly KnowledgeBaseDbContext _db;
    private readonly SearchCache _cache;

    public ArticleSearch(KnowledgeBaseDbContext db, SearchCache cache)
    {
        _db = db;
        _cache = cache;
    }

    /// <summary>The best <paramref name="limit"/> articles for <paramref name="text"/>; empty when it has no word to search.</summary>
    public async Task<IReadOnlyList<ArticleHit>> SearchAsync(string? text, string language, SearchAudience audience, int limit, CancellationToken cancellationToken)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return [];
        }

        var generation = await _cache.CurrentAsync(_db, cancellationToken);
        var key = string.Join('|', [audience.ToString(), language, limit.ToString(CultureInfo.InvariantCulture), .. words.Select(Highlighter.Fold)]);
        if (generation.TryGetResults(key, out var known))
        {
            return known;
        }

        var matches = new List<WordMatch>(words.Count);
        foreach (var word in words)
        {
            matches.Add(await generation.MatchAsync(_db, word, cancellationToken));
        }

        var searched = WithoutCommonWords(matches, await generation.ArticleCountAsync(_db, cancellationToken));
        var ids = await RankAsync(searched, " AND ", language, audience, limit, cancellationToken);
        if (ids.Count == 0 && searched.Count > 1)
        {
            ids = await RankAsync(searched, " OR ", language, audience, limit, cancellationToken);
        }

        if (ids.Count == 0 && searched.Count < matches.Count)
        {
            ids = await RankAsync(matches, " OR ", language, audience, limit, cancellationToken);
        }

        var hits = ids.Count == 0 ? [] : await HighlightAsync(words, ids, cancellationToken);
        generation.KeepResults(key, hits);
        return hits;
    }

    /// <summary>
    /// The words to search with: a word found in more than half of the articles is left out when a rarer
    /// word of the index remains. BM25 gives such a word no weight (FTS5 floors its negative inverse
    /// document frequency to almost zero), so it changes no ranking; it only narrows an already broad
    /// result, and each word searched costs time on every match ranked (docs/benchmarks.md).
    /// </summary>
    internal static List<WordMatch> WithoutCommonWords(List<WordMatch> matches, long articles)
    {
        var rare = matches.Where(m => m.Articles * 2 <= articles).ToList();
        return rare.Any(m => m.IsKnown) ? rare : matches;
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

    private async Task<List<long>> RankAsync(List<WordMatch> words, string separator, string language, SearchAudience audience, int limit, CancellationToken cancellationToken)
    {
        var match = string.Join(separator, words.Select(w => w.Expression));
        var ranked = Math.Max(MinRankedArticles, RankedWordMatches / words.Count);
        var customersOnly = audience == SearchAudience.Customers;
        // Past the ranked number of matches, only the newest are ranked: the lowest id they start from is
        // found in rowid order, without scoring.
        return await _db.Database.SqlQuery<long>($"""
            SELECT s.rowid AS Value
            FROM knowledgebase_article_search AS s
            JOIN knowledgebase_article AS a INDEXED BY "IX_knowledgebase_article_Id_Status_Visibility_Language" ON a."Id" = s.rowid
            WHERE knowledgebase_article_search MATCH {match}
              AND s.rowid >= coalesce((
                  SELECT rowid FROM knowledgebase_article_search
                  WHERE knowledgebase_article_search MATCH {match}
                  ORDER BY rowid DESC LIMIT 1 OFFSET {ranked - 1}), 0)
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
