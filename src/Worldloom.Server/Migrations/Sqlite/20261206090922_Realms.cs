using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Realms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "realm_characters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RealmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ClassId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Hp = table.Column<int>(type: "INTEGER", nullable: false),
                    Mana = table.Column<int>(type: "INTEGER", nullable: false),
                    ZoneX = table.Column<int>(type: "INTEGER", nullable: false),
                    ZoneY = table.Column<int>(type: "INTEGER", nullable: false),
                    PositionX = table.Column<int>(type: "INTEGER", nullable: true),
                    PositionY = table.Column<int>(type: "INTEGER", nullable: true),
                    Inventory = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realm_characters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "realm_zone_checkpoints",
                columns: table => new
                {
                    RealmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ZoneX = table.Column<int>(type: "INTEGER", nullable: false),
                    ZoneY = table.Column<int>(type: "INTEGER", nullable: false),
                    Tick = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realm_zone_checkpoints", x => new { x.RealmId, x.ZoneX, x.ZoneY });
                });

            migrationBuilder.CreateTable(
                name: "realm_zone_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RealmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CharacterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromX = table.Column<int>(type: "INTEGER", nullable: false),
                    FromY = table.Column<int>(type: "INTEGER", nullable: false),
                    ToX = table.Column<int>(type: "INTEGER", nullable: false),
                    ToY = table.Column<int>(type: "INTEGER", nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realm_zone_transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "realms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorldId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorldHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Preset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Columns = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_realms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_realm_characters_RealmId_Name",
                table: "realm_characters",
                columns: new[] { "RealmId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_realm_characters_RealmId_OwnerId",
                table: "realm_characters",
                columns: new[] { "RealmId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_realm_zone_transfers_CharacterId_Status",
                table: "realm_zone_transfers",
                columns: new[] { "CharacterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_realm_zone_transfers_RealmId_ToX_ToY_Status",
                table: "realm_zone_transfers",
                columns: new[] { "RealmId", "ToX", "ToY", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_realms_OwnerId_CreatedAt",
                table: "realms",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_realms_WorldId",
                table: "realms",
                column: "WorldId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "realm_characters");

            migrationBuilder.DropTable(
                name: "realm_zone_checkpoints");

            migrationBuilder.DropTable(
                name: "realm_zone_transfers");

            migrationBuilder.DropTable(
                name: "realms");
        }
    }
}
