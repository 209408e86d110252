using Microsoft.EntityFrameworkCore;
using Worldloom.Stories.Data;

namespace Worldloom.Stories;

/// <summary>Stories' tables; the provider-specific database contexts call <see cref="Configure"/>.</summary>
public static class StoriesModel
{
    /// <summary>Adds topics, scenes, segments, segment files, reports and bans to the model.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StoryTopic>(e =>
        {
            e.ToTable("story_topics");
            e.HasKey(t => t.Id);
            e.Property(t => t.Slug).HasMaxLength(StoryLimits.MaxSlug);
            e.HasIndex(t => t.Slug).IsUnique();
            e.Property(t => t.Title).HasMaxLength(StoryLimits.MaxTopicTitle);
            e.Property(t => t.Description).HasMaxLength(StoryLimits.MaxTopicDescription);
        });
        modelBuilder.Entity<StoryScene>(e =>
        {
            e.ToTable("story_scenes");
            e.HasKey(s => s.Id);
            e.Property(s => s.Title).HasMaxLength(StoryLimits.MaxTitle);
            e.Property(s => s.Logline).HasMaxLength(StoryLimits.MaxLogline);
            e.Property(s => s.Visibility).HasMaxLength(16);
            e.Property(s => s.Status).HasMaxLength(16);
            e.HasIndex(s => s.CreatedAt);
            e.HasIndex(s => new { s.OwnerId, s.CreatedAt });
            e.HasIndex(s => new { s.TopicId, s.CreatedAt });
            e.HasIndex(s => s.RootSceneId);
            e.HasIndex(s => s.ParentSceneId);
        });
        modelBuilder.Entity<StorySegment>(e =>
        {
            e.ToTable("story_segments");
            e.HasKey(s => s.Id);
            e.Property(s => s.Prompt).HasMaxLength(StoryLimits.MaxPrompt);
            e.Property(s => s.Status).HasMaxLength(16);
            e.Property(s => s.Summary).HasMaxLength(1000);
            e.Property(s => s.Error).HasMaxLength(4000);
            e.Property(s => s.Narrator).HasMaxLength(100);
            e.Property(s => s.Provider).HasMaxLength(100);
            e.HasIndex(s => new { s.SceneId, s.Index });
        });
        modelBuilder.Entity<StorySegmentFile>(e =>
        {
            e.ToTable("story_segment_files");
            e.HasKey(f => new { f.SegmentId, f.Name });
            e.Property(f => f.Name).HasMaxLength(64);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.HasIndex(f => f.Sha256);
        });
        modelBuilder.Entity<StoryReport>(e =>
        {
            e.ToTable("story_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Reason).HasMaxLength(StoryLimits.MaxReason);
            e.Property(r => r.Note).HasMaxLength(StoryLimits.MaxReason);
            e.Property(r => r.Resolution).HasMaxLength(16);
            e.Property(r => r.OpenKey).HasMaxLength(80);
            e.HasIndex(r => r.OpenKey).IsUnique();
            e.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        });
        modelBuilder.Entity<StoryBan>(e =>
        {
            e.ToTable("story_bans");
            e.HasKey(b => b.UserId);
            e.Property(b => b.Note).HasMaxLength(StoryLimits.MaxReason);
        });
    }
}
