using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Support.KnowledgeBase.Data;

namespace Support.KnowledgeBase.Search;

/// <summary>
/// What one typed word matches in the index: the FTS5 expression to search it with, and how many
/// articles contain its most frequent term (0 when the index has no term beginning with it).
/// </summary>
internal sealed record WordMatch(string Word, string Expression, long Articles)
{
    public bool IsKnown => Articles > 0;
}

/// <summary>
/// What the search keeps in memory while no article changes (<see cref="ArticleSearchIndex.Generation"/>,
/// read on every search, so a change made by any process sharing the database is seen by the next
/// search): the index's terms, read from its FTS5 vocabulary, and the results of the queries asked.
/// <para>
/// A prefix FTS5 has no prefix index for (<c>"imprimante"*</c>) makes it merge the whole document
/// list of every term beginning with it before it can return a match: 10 to 15 ms per query with
/// 100,000 articles whatever the limit (docs/benchmarks.md). The same word written as its terms
/// (<c>("imprimante" OR "imprimantes")</c>) is read lazily, within the rowid range asked for.
/// </para>
/// <para>
/// The results of a query are kept for the same query (same words, audience, language and number of
/// results) until an article changes: they are exactly what the search would find again.
/// </para>
/// </summary>
internal sealed class SearchCache
{
    /// <summary>A word beginning more terms than this is left to FTS5 as a prefix (short prefixes).</summary>
    public const int MaxTermsPerWord = 16;

    // Words and queries typed by visitors are unbounded: past these many in one generation, the words
    // are looked up each time and the results kept so far are dropped (a result list is tens of kB).
    private const int MaxCachedWords = 10_000;
    private const int MaxCachedResults = 256;

    private readonly bool _keepsResults;
    private volatile Generation? _current;

    /// <param name="keepsResults">Whether results are kept for identical queries (the benchmarks measure the search without).</param>
    public SearchCache(bool keepsResults) => _keepsResults = keepsResults;

    /// <summary>The vocabulary as of the database's current generation.</summary>
    public async Task<Generation> CurrentAsync(KnowledgeBaseDbContext db, CancellationToken cancellationToken)
    {
        var number = await db.Database
            .SqlQueryRaw<long>($"""SELECT "Value" AS "Value" FROM {ArticleSearchIndex.Generation} WHERE "Id" = 1""")
            .SingleAsync(cancellationToken);
        var current = _current;
        if (current is null || current.Number != number)
        {
            current = new Generation(number, _keepsResults);
            _current = current;
        }

        return current;
    }

    /// <summary>The vocabulary as it is for one generation of the articles.</summary>
    internal sealed class Generation
    {
        private readonly ConcurrentDictionary<string, WordMatch> _words = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, IReadOnlyList<ArticleHit>> _results = new(StringComparer.Ordinal);
        private readonly bool _keepsResults;
        private long _articles = -1;

        public Generation(long number, bool keepsResults)
        {
            Number = number;
            _keepsResults = keepsResults;
        }

        public long Number { get; }

        /// <summary>The results found earlier in this generation for the query <paramref name="key"/>.</summary>
        public bool TryGetResults(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<ArticleHit>? hits) =>
            _results.TryGetValue(key, out hits);

        public void KeepResults(string key, IReadOnlyList<ArticleHit> hits)
        {
            if (!_keepsResults)
            {
                return;
            }

            if (_results.Count >= MaxCachedResults)
            {
                _results.Clear();
            }

            _results[key] = hits;
        }

        /// <summary>Every article in the index (drafts and internal ones too, as FTS5 counts them for BM25).</summary>
        public async Task<long> ArticleCountAsync(KnowledgeBaseDbContext db, CancellationToken cancellationToken)
        {
            if (_articles < 0)
            {
                _articles = await db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM knowledgebase_article""").SingleAsync(cancellationToken);
            }

            return _articles;
        }

        /// <summary>The terms <paramref name="word"/> begins, as an FTS5 expression.</summary>
        public async Task<WordMatch> MatchAsync(KnowledgeBaseDbContext db, string word, CancellationToken cancellationToken)
        {
            if (_words.TryGetValue(word, out var known))
            {
                return known;
            }

            var match = await LookUpAsync(db, word, cancellationToken);
            if (_words.Count < MaxCachedWords)
            {
                _words.TryAdd(word, match);
            }

            return match;
        }

        private static async Task<WordMatch> LookUpAsync(KnowledgeBaseDbContext db, string word, CancellationToken cancellationToken)
        {
            var asPrefix = Quote(word) + "*";
            var folded = Highlighter.Fold(word);
            // A word with characters the tokenizer splits on is a phrase to FTS5: left to it as typed.
            if (folded.Length == 0 || !folded.All(char.IsLetterOrDigit))
            {
                return new WordMatch(word, asPrefix, 0);
            }

            var terms = new List<string>();
            long articles = 0;
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                // The vocabulary is in term order (bytes of UTF-8): every term beginning with the word lies
                // between the word and the word followed by the highest code point.
                command.CommandText = $"""
                    SELECT term, doc FROM {ArticleSearchIndex.Vocabulary}
                    WHERE term >= $from AND term < $to
                    LIMIT {MaxTermsPerWord + 1}
                    """;
                Add(command, "$from", folded);
                Add(command, "$to", folded + char.ConvertFromUtf32(0x10FFFF));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    terms.Add(reader.GetString(0));
                    articles = Math.Max(articles, reader.GetInt64(1));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            // No term: the tokenizer may fold a letter differently from .NET; FTS5 decides, at no cost when nothing matches.
            return terms.Count switch
            {
                0 => new WordMatch(word, asPrefix, 0),
                1 => new WordMatch(word, Quote(terms[0]), articles),
                <= MaxTermsPerWord => new WordMatch(word, "(" + string.Join(" OR ", terms.Select(Quote)) + ")", articles),
                _ => new WordMatch(word, asPrefix, articles),
            };
        }

        private static void Add(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        private static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
