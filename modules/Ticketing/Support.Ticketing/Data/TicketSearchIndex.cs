using Microsoft.EntityFrameworkCore.Migrations;

namespace Support.Ticketing.Data;

/// <summary>
/// The agents' full-text search: an SQLite FTS5 table (accents and case folded) kept up to date by
/// triggers, so no code path can forget it. A ticket's header (subject, company, customer) is the row
/// <c>-ticket id</c>; each thread entry is the row of its own id.
/// </summary>
internal static class TicketSearchIndex
{
    public static void Create(MigrationBuilder migration)
    {
        migration.Sql("""
            CREATE VIRTUAL TABLE ticketing_ticket_search USING fts5(
                ticket_id UNINDEXED, content, tokenize = 'unicode61 remove_diacritics 2');
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_ticket_insert AFTER INSERT ON ticketing_ticket BEGIN
                INSERT INTO ticketing_ticket_search(rowid, ticket_id, content)
                VALUES (-new."Id", new."Id", new."Subject" || ' ' || new."CompanyName" || ' ' || new."CustomerName" || ' ' || new."CustomerEmail");
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_ticket_update AFTER UPDATE OF "Subject", "CompanyName", "CustomerName", "CustomerEmail" ON ticketing_ticket BEGIN
                DELETE FROM ticketing_ticket_search WHERE rowid = -old."Id";
                INSERT INTO ticketing_ticket_search(rowid, ticket_id, content)
                VALUES (-new."Id", new."Id", new."Subject" || ' ' || new."CompanyName" || ' ' || new."CustomerName" || ' ' || new."CustomerEmail");
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_ticket_delete AFTER DELETE ON ticketing_ticket BEGIN
                DELETE FROM ticketing_ticket_search WHERE rowid = -old."Id";
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_entry_insert AFTER INSERT ON ticketing_thread_entry BEGIN
                INSERT INTO ticketing_ticket_search(rowid, ticket_id, content) VALUES (new."Id", new."TicketId", new."BodyText");
            END;
            """);
        migration.Sql("""
            CREATE TRIGGER ticketing_ticket_search_entry_delete AFTER DELETE ON ticketing_thread_entry BEGIN
                DELETE FROM ticketing_ticket_search WHERE rowid = old."Id";
            END;
            """);
    }

    public static void Drop(MigrationBuilder migration)
    {
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_entry_delete;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_entry_insert;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_ticket_delete;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_ticket_update;");
        migration.Sql("DROP TRIGGER IF EXISTS ticketing_ticket_search_ticket_insert;");
        migration.Sql("DROP TABLE IF EXISTS ticketing_ticket_search;");
    }
}
