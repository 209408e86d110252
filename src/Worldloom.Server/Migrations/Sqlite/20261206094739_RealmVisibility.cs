using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RealmVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "realms",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "private");

            migrationBuilder.CreateIndex(
                name: "IX_realms_Visibility_CreatedAt",
                table: "realms",
                columns: new[] { "Visibility", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_realms_Visibility_CreatedAt",
                table: "realms");

            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "realms");
        }
    }
}
