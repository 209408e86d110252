using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Encryption;

/// <summary>When an encrypted room's key must rotate, and whose devices hold it.</summary>
public static class RoomKeys
{
    /// <summary>
    /// Call after a member left or was removed (leave, kick, ban), once the membership row is gone: an encrypted room
    /// then refuses messages under its current epoch until a remaining member uploads the next, so the removed member's
    /// devices never see another key. Does nothing for a plaintext room.
    /// </summary>
    public static async Task MemberRemovedAsync(LoomDb db, IChatRelay relay, Guid roomId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(relay);
        var changed = await db.Set<ChatRoom>().Where(r => r.Id == roomId && r.Encrypted && r.KeyEpoch > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.KeyRotationNeeded, true), ct);
        if (changed > 0)
        {
            var epoch = await db.Set<ChatRoom>().AsNoTracking().Where(r => r.Id == roomId).Select(r => r.KeyEpoch).FirstAsync(ct);
            await relay.PublishAsync(roomId, new RoomEvent(roomId, epoch), ct: ct);
        }
    }

    /// <summary>After a device was revoked: every encrypted room of its owner's rotates, as the device held their keys.</summary>
    public static async Task DeviceRevokedAsync(LoomDb db, IChatRelay relay, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(relay);
        var rooms = db.Set<ChatMember>().Where(m => m.UserId == userId).Select(m => m.RoomId);
        var affected = await db.Set<ChatRoom>().AsNoTracking().Where(r => rooms.Contains(r.Id) && r.Encrypted && r.KeyEpoch > 0)
            .Select(r => new { r.Id, r.KeyEpoch }).ToListAsync(ct);
        if (affected.Count == 0)
        {
            return;
        }

        await db.Set<ChatRoom>().Where(r => rooms.Contains(r.Id) && r.Encrypted && r.KeyEpoch > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.KeyRotationNeeded, true), ct);
        foreach (var room in affected)
        {
            await relay.PublishAsync(room.Id, new RoomEvent(room.Id, room.KeyEpoch), ct: ct);
        }
    }

    /// <summary>The devices, not revoked, of the room's current members: exactly those an epoch's wraps must cover.</summary>
    public static Task<List<ChatDevice>> MemberDevicesAsync(LoomDb db, Guid roomId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from d in db.Set<ChatDevice>().AsNoTracking()
                join m in db.Set<ChatMember>().AsNoTracking() on d.UserId equals m.UserId
                where m.RoomId == roomId && d.RevokedAt == null
                orderby d.Id
                select d).ToListAsync(ct);
    }
}
