using Microsoft.EntityFrameworkCore.Migrations;

namespace Support.KnowledgeBase.Data;

/// <summary>
/// The articles' full-text index: an SQLite FTS5 table whose rowid is the article's id, with the
/// title, summary, tags and body as separate columns so that a match in the title ranks higher.
/// Case and accents are folded by the tokenizer; triggers keep it in step with the article table, so
/// no code path can forget it.
/// </summary>
internal static class ArticleSearchIndex
{
    public const string Table = "knowledgebase_article_search";

    /// <summary>The index's terms with the number of articles each is in (FTS5's <c>fts5vocab</c>, one row per term).</summary>
    public const string Vocabulary = "knowledgebase_search_vocabulary";

    /// <summary>
    /// One row whose value goes up with every change to an article that a search can see (insertion,
    /// deletion, title, summary, tags, body, language, status, visibility): what the search caches
    /// is valid for one value, in any process sharing the database.
    /// </summary>
    public const string Generation = "knowledgebase_search_generation";

    public static void Create(MigrationBuilder migration)
    {
        migration.Sql($"""
            CREATE VIRTUAL TABLE {Table} USING fts5(title, summary, tags, body, tokenize = 'unicode61 remove_diacritics 2');
            """);
        migration.Sql($"""
            CREATE TRIGGER knowledgebase_article_search_insert AFTER INSERT ON knowledgebase_article BEGIN
                INSERT INTO {Table}(rowid, title, summary, tags, body) VALUES (new."Id", new."Title", new."Summary", new."Tags", new."BodyText");
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER knowledgebase_article_search_update AFTER UPDATE OF "Title", "Summary", "Tags", "BodyText" ON knowledgebase_article BEGIN
                UPDATE {Table} SET title = new."Title", summary = new."Summary", tags = new."Tags", body = new."BodyText" WHERE rowid = new."Id";
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER knowledgebase_article_search_delete AFTER DELETE ON knowledgebase_article BEGIN
                DELETE FROM {Table} WHERE rowid = old."Id";
            END;
            """);
    }

    /// <summary>The vocabulary table and the generation with its triggers (migration <c>SearchVocabulary</c>).</summary>
    public static void CreateVocabularyAndGeneration(MigrationBuilder migration)
    {
        migration.Sql($"""
            CREATE VIRTUAL TABLE {Vocabulary} USING fts5vocab({Table}, row);
            """);
        migration.Sql($"""
            CREATE TABLE {Generation} ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Value" INTEGER NOT NULL);
            """);
        migration.Sql($"""INSERT INTO {Generation} ("Id", "Value") VALUES (1, 0);""");
        migration.Sql($"""
            CREATE TRIGGER knowledgebase_search_generation_insert AFTER INSERT ON knowledgebase_article BEGIN
                UPDATE {Generation} SET "Value" = "Value" + 1 WHERE "Id" = 1;
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER knowledgebase_search_generation_update AFTER UPDATE OF "Title", "Summary", "Tags", "BodyText", "Language", "Status", "Visibility" ON knowledgebase_article BEGIN
                UPDATE {Generation} SET "Value" = "Value" + 1 WHERE "Id" = 1;
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER knowledgebase_search_generation_delete AFTER DELETE ON knowledgebase_article BEGIN
                UPDATE {Generation} SET "Value" = "Value" + 1 WHERE "Id" = 1;
            END;
            """);
    }

    public static void DropVocabularyAndGeneration(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_search_generation_delete;");
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_search_generation_update;");
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_search_generation_insert;");
        migration.Sql($"DROP TABLE IF EXISTS {Generation};");
        migration.Sql($"DROP TABLE IF EXISTS {Vocabulary};");
    }

    public static void Drop(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_article_search_delete;");
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_article_search_update;");
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_article_search_insert;");
        migration.Sql($"DROP TABLE IF EXISTS {Table};");
    }
}
