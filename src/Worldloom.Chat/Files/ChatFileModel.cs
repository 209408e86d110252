using Microsoft.EntityFrameworkCore;

namespace Worldloom.Chat.Files;

/// <summary>The file tables; called from <see cref="ChatModel.Configure"/>.</summary>
public static class ChatFileModel
{
    /// <summary>Adds files and their chunks.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ChatFile>(e =>
        {
            e.ToTable("chat_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Name).HasMaxLength(ChatFileRules.MaxNameLength);
            e.Property(f => f.ContentType).HasMaxLength(ChatFileRules.MaxContentTypeLength);
            e.HasIndex(f => f.RoomId);
            // The sweep's query: incomplete uploads by age.
            e.HasIndex(f => new { f.CompletedAt, f.TouchedAt });
        });
        modelBuilder.Entity<ChatFileChunk>(e =>
        {
            e.ToTable("chat_file_chunks");
            e.HasKey(c => new { c.FileId, c.Index });
            e.Property(c => c.Sha256).HasMaxLength(64);
            // Cascade: a chunk racing the file's deletion fails its insert instead of leaving a row that points nowhere.
            e.HasOne<ChatFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
