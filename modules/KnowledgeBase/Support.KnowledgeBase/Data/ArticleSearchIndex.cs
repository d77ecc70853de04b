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

    public static void Drop(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_article_search_delete;");
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_article_search_update;");
        migration.Sql("DROP TRIGGER IF EXISTS knowledgebase_article_search_insert;");
        migration.Sql($"DROP TABLE IF EXISTS {Table};");
    }
}
