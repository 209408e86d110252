using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Rooms;

namespace Worldloom.Chat.Encryption;

/// <summary>The tables of end-to-end encryption: devices and wrapped room keys, and the direct-conversation key of rooms.</summary>
public static class EncryptionModel
{
    /// <summary>Adds them to the model; called from <see cref="ChatModel.Configure"/>.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ChatRoom>(e =>
        {
            e.Property(r => r.DirectKey).HasMaxLength(Direct.DirectKey.Length);
            // One room per pair of users, even when both open it at the same moment.
            e.HasIndex(r => r.DirectKey).IsUnique();
        });
        modelBuilder.Entity<ChatDevice>(e =>
        {
            e.ToTable("chat_devices");
            e.HasKey(d => d.Id);
            e.Property(d => d.Name).HasMaxLength(EncryptionRules.MaxDeviceNameLength);
            e.Property(d => d.X25519).HasMaxLength(32);
            e.Property(d => d.Ed25519).HasMaxLength(32);
            e.HasIndex(d => d.UserId);
            e.HasIndex(d => d.Ed25519).IsUnique();
        });
        modelBuilder.Entity<ChatRoomKey>(e =>
        {
            e.ToTable("chat_room_keys");
            e.HasKey(k => new { k.RoomId, k.Epoch, k.DeviceId });
            e.Property(k => k.Wrapped).HasMaxLength(Crypto.RoomKeyWrap.Length);
            e.HasIndex(k => new { k.DeviceId, k.RoomId });
        });
    }
}
