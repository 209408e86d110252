using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Files;
using Worldloom.Chat.Invites;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Reactions;
using Worldloom.Chat.Rooms;
using Worldloom.Chat.Search;

namespace Worldloom.Chat;

/// <summary>Chat's tables; the provider-specific database contexts call <see cref="Configure"/>.</summary>
public static class ChatModel
{
    /// <summary>Adds rooms, members, messages, revisions, reactions and invites to the model.</summary>
    /// <param name="modelBuilder">The provider's model.</param>
    /// <param name="sqlite">True on SQLite, whose idempotency index is a hash of the key (<see cref="ClientKeys"/>).</param>
    public static void Configure(ModelBuilder modelBuilder, bool sqlite)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ChatRoom>(e =>
        {
            e.ToTable("chat_rooms");
            e.HasKey(r => r.Id);
            e.Property(r => r.Name).HasMaxLength(ChatRules.MaxRoomNameLength);
            e.Property(r => r.Topic).HasMaxLength(ChatRules.MaxTopicLength);
            e.Property(r => r.Kind).HasMaxLength(16);
            e.HasIndex(r => new { r.Kind, r.CreatedAt });
            e.HasIndex(r => r.ProjectId);
        });
        modelBuilder.Entity<ChatMember>(e =>
        {
            e.ToTable("chat_members");
            e.HasKey(m => new { m.RoomId, m.UserId });
            e.Property(m => m.Role).HasMaxLength(16);
            e.HasIndex(m => m.UserId);
        });
        modelBuilder.Entity<ChatMessage>(e =>
        {
            e.ToTable("chat_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Body).HasMaxLength(ChatRules.MaxStoredBodyLength);
            e.Property(m => m.ClientId).HasMaxLength(ChatRules.MaxClientIdLength);
            // The idempotency key: a resend with the same client id finds the first row instead of adding a second.
            if (sqlite)
            {
                e.Property<long>(ClientKeys.Column);
                e.HasIndex(ClientKeys.Column);
            }
            else
            {
                e.HasIndex(m => new { m.RoomId, m.AuthorId, m.ClientId }).IsUnique();
            }

            e.HasIndex(m => new { m.RoomId, m.Id });
        });
        modelBuilder.Entity<ChatMessageRevision>(e =>
        {
            e.ToTable("chat_message_revisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Body).HasMaxLength(ChatRules.MaxStoredBodyLength);
            e.HasIndex(r => new { r.MessageId, r.RevisedAt });
        });
        modelBuilder.Entity<ChatReaction>(e =>
        {
            e.ToTable("chat_reactions");
            e.HasKey(r => new { r.MessageId, r.UserId, r.Emoji });
            e.Property(r => r.Emoji).HasMaxLength(ChatRules.MaxEmojiLength * 2);
        });
        modelBuilder.Entity<ChatInvite>(e =>
        {
            e.ToTable("chat_invites");
            e.HasKey(i => i.CodeHash);
            e.Property(i => i.CodeHash).HasMaxLength(64);
            e.HasIndex(i => i.RoomId);
        });
        SearchModel.Configure(modelBuilder);
        Moderation.ModerationModel.Configure(modelBuilder);
        ChatFileModel.Configure(modelBuilder);
        Encryption.EncryptionModel.Configure(modelBuilder);
    }
}
