using Microsoft.EntityFrameworkCore.Migrations;

namespace Support.Ticketing.Data;

/// <summary>
/// The agents' full-text search: an SQLite FTS5 table (accents and case folded) kept up to date by
/// triggers, so no code path can forget it. There is one document per ticket, whose rowid is the
/// ticket's id: subject, company, customer and every thread entry. A search then reads only rowids,
/// newest first, and stops at <see cref="MatchLimit"/>.
/// </summary>
internal static class TicketSearchIndex
{
    /// <summary>The most recent matching tickets a search considers; older ones need a narrower search.</summary>
    public const int MatchLimit = 5000;

    private const string Header = """new."Subject" || ' ' || new."CompanyName" || ' ' || new."CustomerName" || ' ' || new."CustomerEmail" """;

    private const string Thread = """(SELECT coalesce(group_concat("BodyText", ' '), '') FROM ticketing_thread_entry WHERE "TicketId" = new."Id")""";

    public static void Create(MigrationBuilder migration)
    {
        migration.Sql("""
            CREATE VIRTUAL TABLE ticketing_ticket_search USING fts5(content, tokenize = 'unicode61 remove_diacritics 2');
            """);
        migration.Sql($"""
            CREATE TRIGGER ticketing_ticket_search_ticket_insert AFTER INSERT ON ticketing_ticket BEGIN
                INSERT INTO ticketing_ticket_search(rowid, content) VALUES (new."Id", {Header});
            END;
            """);
        migration.Sql($"""
            CREATE TRIGGER ticketing_ticket_search_ticket_update AFTER UPDATE OF "Subject", "CompanyName", "CustomerName", "CustomerEmail" ON ticketing_ticket BEGIN
                UPDATE ticketing_ticket_search SET content = {Header} || ' ' || {Thread} WHERE rowid = new."Id";
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_ticket_delete AFTER DELETE ON ticketing_ticket BEGIN
                DELETE FROM ticketing_ticket_search WHERE rowid = old."Id";
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_entry_insert AFTER INSERT ON ticketing_thread_entry BEGIN
                UPDATE ticketing_ticket_search SET content = content || ' ' || new."BodyText" WHERE rowid = new."TicketId";
            END;
            """);
    }

    public static void Drop(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_entry_insert;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_ticket_delete;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_ticket_update;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_ticket_insert;");
        migration.Sql("DROP TABLE IF EXISTS ticketing_ticket_search;");
    }
}
