using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Worldloom.Server.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Stories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "story_bans",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BannedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_bans", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "story_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SceneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SegmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "story_scenes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Logline = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorldId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    ParentSceneId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ForkedAtSegment = table.Column<int>(type: "INTEGER", nullable: true),
                    RootSceneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BibleJson = table.Column<string>(type: "TEXT", nullable: false),
                    BibleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratingSegmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_scenes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "story_segment_files",
                columns: table => new
                {
                    SegmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_segment_files", x => new { x.SegmentId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "story_segments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SceneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContinuityJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Narrator = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Bandwidth = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "story_topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BibleJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_topics", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_story_reports_OpenKey",
                table: "story_reports",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_story_reports_ResolvedAt_CreatedAt",
                table: "story_reports",
                columns: new[] { "ResolvedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_story_scenes_CreatedAt",
                table: "story_scenes",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_story_scenes_OwnerId_CreatedAt",
                table: "story_scenes",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_story_scenes_ParentSceneId",
                table: "story_scenes",
                column: "ParentSceneId");

            migrationBuilder.CreateIndex(
                name: "IX_story_scenes_RootSceneId",
                table: "story_scenes",
                column: "RootSceneId");

            migrationBuilder.CreateIndex(
                name: "IX_story_scenes_TopicId_CreatedAt",
                table: "story_scenes",
                columns: new[] { "TopicId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_story_segment_files_Sha256",
                table: "story_segment_files",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_story_segments_SceneId_Index",
                table: "story_segments",
                columns: new[] { "SceneId", "Index" });

            migrationBuilder.CreateIndex(
                name: "IX_story_topics_Slug",
                table: "story_topics",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "story_bans");

            migrationBuilder.DropTable(
                name: "story_reports");

            migrationBuilder.DropTable(
                name: "story_scenes");

            migrationBuilder.DropTable(
                name: "story_segment_files");

            migrationBuilder.DropTable(
                name: "story_segments");

            migrationBuilder.DropTable(
                name: "story_topics");
        }
    }
}
