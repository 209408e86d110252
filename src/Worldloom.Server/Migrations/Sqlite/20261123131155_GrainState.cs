using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrainState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grain_state",
                columns: table => new
                {
                    StateName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GrainId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grain_state", x => new { x.StateName, x.GrainId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grain_state");
        }
    }
}
