using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written (EF cannot model FTS5): an external-content FTS5 index over chat_messages."Body" by rowid,
            // kept in step by triggers. A tombstone's body is cleared by an UPDATE, so it leaves the index with it.
            // A later migration that rebuilds chat_messages (SQLite's copy-and-rename) drops these triggers and renumbers
            // rowids: it must create them again and run the 'rebuild' below.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE chat_messages_fts USING fts5(Body, content='chat_messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER chat_messages_fts_insert AFTER INSERT ON chat_messages BEGIN
                    INSERT INTO chat_messages_fts(rowid, Body) VALUES (new.rowid, new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER chat_messages_fts_update AFTER UPDATE OF "Body" ON chat_messages BEGIN
                    INSERT INTO chat_messages_fts(chat_messages_fts, rowid, Body) VALUES ('delete', old.rowid, old."Body");
                    INSERT INTO chat_messages_fts(rowid, Body) VALUES (new.rowid, new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER chat_messages_fts_delete AFTER DELETE ON chat_messages BEGIN
                    INSERT INTO chat_messages_fts(chat_messages_fts, rowid, Body) VALUES ('delete', old.rowid, old."Body");
                END;
                """);
            migrationBuilder.Sql("INSERT INTO chat_messages_fts(chat_messages_fts) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS chat_messages_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS chat_messages_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS chat_messages_fts_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS chat_messages_fts;");
        }
    }
}
