using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChatSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written (EF cannot model an expression index without the Npgsql package in Chat): the search
            // queries repeat this expression exactly, so the planner uses the index.
            migrationBuilder.Sql("""CREATE INDEX ix_chat_messages_body_search ON chat_messages USING GIN (to_tsvector('simple'::regconfig, "Body"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_chat_messages_body_search;");
        }
    }
}
