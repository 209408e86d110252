using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChatModerationFilesE2e : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "chat_rooms",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectKey",
                table: "chat_rooms",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Encrypted",
                table: "chat_rooms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "KeyEpoch",
                table: "chat_rooms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "KeyRotationNeeded",
                table: "chat_rooms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "chat_messages",
                type: "character varying(16384)",
                maxLength: 16384,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "chat_message_revisions",
                type: "character varying(16384)",
                maxLength: 16384,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AddColumn<long>(
                name: "MutedUntil",
                table: "chat_members",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "chat_bans",
                columns: table => new
                {
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BannedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_bans", x => new { x.RoomId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "chat_devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    X25519 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Ed25519 = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chat_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploaderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(127)", maxLength: 127, nullable: true),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ChunkSize = table.Column<int>(type: "integer", nullable: false),
                    Chunks = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    TouchedAt = table.Column<long>(type: "bigint", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chat_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ResolvedAt = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chat_room_keys",
                columns: table => new
                {
                    RoomId = table.Column<Guid>(type: "uuid", nullable: false),
                    Epoch = table.Column<int>(type: "integer", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderDeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Wrapped = table.Column<byte[]>(type: "bytea", maxLength: 157, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_room_keys", x => new { x.RoomId, x.Epoch, x.DeviceId });
                });

            migrationBuilder.CreateTable(
                name: "chat_site_bans",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BannedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_site_bans", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "chat_file_chunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_file_chunks", x => new { x.FileId, x.Index });
                    table.ForeignKey(
                        name: "FK_chat_file_chunks_chat_files_FileId",
                        column: x => x.FileId,
                        principalTable: "chat_files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chat_rooms_DirectKey",
                table: "chat_rooms",
                column: "DirectKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chat_bans_UserId",
                table: "chat_bans",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_chat_devices_Ed25519",
                table: "chat_devices",
                column: "Ed25519",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chat_devices_UserId",
                table: "chat_devices",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_chat_files_CompletedAt_TouchedAt",
                table: "chat_files",
                columns: new[] { "CompletedAt", "TouchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_chat_files_RoomId",
                table: "chat_files",
                column: "RoomId");

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

            migrationBuilder.CreateIndex(
                name: "IX_chat_room_keys_DeviceId_RoomId",
                table: "chat_room_keys",
                columns: new[] { "DeviceId", "RoomId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_bans");

            migrationBuilder.DropTable(
                name: "chat_devices");

            migrationBuilder.DropTable(
                name: "chat_file_chunks");

            migrationBuilder.DropTable(
                name: "chat_reports");

            migrationBuilder.DropTable(
                name: "chat_room_keys");

            migrationBuilder.DropTable(
                name: "chat_site_bans");

            migrationBuilder.DropTable(
                name: "chat_files");

            migrationBuilder.DropIndex(
                name: "IX_chat_rooms_DirectKey",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "DirectKey",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "Encrypted",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "KeyEpoch",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "KeyRotationNeeded",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "MutedUntil",
                table: "chat_members");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "chat_messages",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16384)",
                oldMaxLength: 16384);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "chat_message_revisions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16384)",
                oldMaxLength: 16384);
        }
    }
}
