using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatClientKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The idempotency index becomes a hash of (room, author, client id) (see ClientKeys). Dropping an index and
            // adding a column alter the table in place, so the FTS triggers and rowids stay. Existing rows get 0 here:
            // SQL cannot compute the hash, and ClientKeys.FillAsync writes it after migrating.
            migrationBuilder.DropIndex(
                name: "IX_chat_messages_RoomId_AuthorId_ClientId",
                table: "chat_messages");

            migrationBuilder.AddColumn<long>(
                name: "ClientKey",
                table: "chat_messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_chat_messages_ClientKey",
                table: "chat_messages",
                column: "ClientKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chat_messages_ClientKey",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "ClientKey",
                table: "chat_messages");

            // Dropping a column rebuilds the table (copy and rename), which drops the FTS triggers and renumbers rowids:
            // create them again as the ChatSearch migration did, and rebuild the index.
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

            migrationBuilder.CreateIndex(
                name: "IX_chat_messages_RoomId_AuthorId_ClientId",
                table: "chat_messages",
                columns: new[] { "RoomId", "AuthorId", "ClientId" },
                unique: true);
        }
    }
}
