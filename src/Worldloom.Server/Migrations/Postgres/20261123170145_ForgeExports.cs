using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ForgeExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "world_exports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorldId = table.Column<Guid>(type: "uuid", nullable: false),
                    Snapshot = table.Column<int>(type: "integer", nullable: false),
                    WorldHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Engines = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    JobId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EnginesJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BundleSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BundleSize = table.Column<long>(type: "bigint", nullable: true),
                    FileCount = table.Column<int>(type: "integer", nullable: true),
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_world_exports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_world_exports_WorldHash_Engines",
                table: "world_exports",
                columns: new[] { "WorldHash", "Engines" });

            migrationBuilder.CreateIndex(
                name: "IX_world_exports_WorldId_CreatedAt",
                table: "world_exports",
                columns: new[] { "WorldId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "world_exports");
        }
    }
}
