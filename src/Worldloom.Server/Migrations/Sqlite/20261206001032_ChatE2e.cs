using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChatE2e : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DirectKey",
                table: "chat_rooms",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Encrypted",
                table: "chat_rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "KeyEpoch",
                table: "chat_rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "KeyRotationNeeded",
                table: "chat_rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "chat_devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    X25519 = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Ed25519 = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chat_room_keys",
                columns: table => new
                {
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Epoch = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderDeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Wrapped = table.Column<byte[]>(type: "BLOB", maxLength: 157, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chat_room_keys", x => new { x.RoomId, x.Epoch, x.DeviceId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_chat_rooms_DirectKey",
                table: "chat_rooms",
                column: "DirectKey",
                unique: true);

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
                name: "IX_chat_room_keys_DeviceId_RoomId",
                table: "chat_room_keys",
                columns: new[] { "DeviceId", "RoomId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_devices");

            migrationBuilder.DropTable(
                name: "chat_room_keys");

            migrationBuilder.DropIndex(
                name: "IX_chat_rooms_DirectKey",
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
        }
    }
}
