using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Postgres
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
                    StateName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GrainId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ETag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
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
