using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "chat_rooms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MutedUntil",
                table: "chat_members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "chat_bans",
                columns: table => new
                {
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BannedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_bans", x => new { x.RoomId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "chat_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chat_site_bans",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BannedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_site_bans", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chat_bans_UserId",
                table: "chat_bans",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_chat_reports_AuthorId",
                table: "chat_reports",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_chat_reports_MessageId_ReporterId",
                table: "chat_reports",
                columns: new[] { "MessageId", "ReporterId" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_chat_reports_RoomId_ResolvedAt",
                table: "chat_reports",
                columns: new[] { "RoomId", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_bans");

            migrationBuilder.DropTable(
                name: "chat_reports");

            migrationBuilder.DropTable(
                name: "chat_site_bans");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "MutedUntil",
                table: "chat_members");
        }
    }
}
