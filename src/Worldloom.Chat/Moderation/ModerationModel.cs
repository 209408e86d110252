using Microsoft.EntityFrameworkCore;

namespace Worldloom.Chat.Moderation;

/// <summary>Moderation's tables: room bans, site-wide chat bans and reports. Called from <see cref="ChatModel.Configure"/>.</summary>
public static class ModerationModel
{
    /// <summary>Adds the tables to the model.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ChatBan>(e =>
        {
            e.ToTable("chat_bans");
            // One row per (room, user): banning again replaces the ban, and two concurrent bans meet at this key.
            e.HasKey(b => new { b.RoomId, b.UserId });
            e.Property(b => b.Reason).HasMaxLength(ModerationRules.MaxReasonLength);
            e.HasIndex(b => b.UserId);
        });
        modelBuilder.Entity<ChatSiteBan>(e =>
        {
            e.ToTable("chat_site_bans");
            e.HasKey(b => b.UserId);
            e.Property(b => b.Reason).HasMaxLength(ModerationRules.MaxReasonLength);
        });
        modelBuilder.Entity<ChatReport>(e =>
        {
            e.ToTable("chat_reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Category).HasMaxLength(16);
            e.Property(r => r.Reason).HasMaxLength(ModerationRules.MaxReasonLength);
            e.Property(r => r.Resolution).HasMaxLength(16);
            // One open report per reporter and message: a replay (or a concurrent twin) meets this index and is answered
            // with the open report. Quoted names are the same SQL on SQLite and PostgreSQL.
            e.HasIndex(r => new { r.MessageId, r.ReporterId }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
            e.HasIndex(r => new { r.RoomId, r.ResolvedAt });
            e.HasIndex(r => r.AuthorId);
        });
    }
}
