using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Moderation;

/// <summary>
/// Kick, ban and mute, shared by the member and ban endpoints and by resolving a report. Each checks rank, changes the
/// database, audits and tells the relay; a problem result means nothing changed.
/// </summary>
internal static class Sanctions
{
    /// <summary>Removes <paramref name="target"/> from the room; they may join again. Audited as <c>chat.member.kick</c>.</summary>
    public static async Task<IResult?> KickAsync(ModerationServices s, Moderator moderator, Guid target, string reason, CancellationToken ct)
    {
        var roomId = moderator.Room.Id;
        var member = await s.Db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == target, ct);
        if (member is null)
        {
            return Problems.NotFound("member");
        }

        if (await RefuseAsync(s, moderator, member, removes: true, ct) is { } refused)
        {
            return refused;
        }

        // Conditional on the role read above: a member promoted meanwhile is not removed on the strength of the old role.
        var removed = await s.Db.Set<ChatMember>().Where(m => m.RoomId == roomId && m.UserId == target && m.Role == member.Role).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return Problems.NotFound("member");
        }

        await s.AuditAsync(moderator.UserId, "chat.member.kick", roomId, target, Reason(reason), ct);
        await s.MemberChangedAsync(roomId, target, MemberChanges.Kicked, ct);
        return null;
    }

    /// <summary>
    /// Bans <paramref name="target"/> (a member or not) for <paramref name="minutes"/> or for good, removing their
    /// membership. Banning again replaces the ban. Returns the ban and whether it is new. Audited as <c>chat.member.ban</c>.
    /// </summary>
    public static async Task<(ChatBan? Ban, bool Created, IResult? Problem)> BanAsync(
        ModerationServices s, Moderator moderator, Guid target, string reason, int? minutes, CancellationToken ct)
    {
        var roomId = moderator.Room.Id;
        if (!await s.Db.Users.AnyAsync(u => u.Id == target, ct))
        {
            return (null, false, Problems.NotFound("user"));
        }

        var member = await s.Db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == target, ct);
        if (target == moderator.UserId)
        {
            return (null, false, Problems.Forbidden("you cannot ban yourself."));
        }

        if (member is not null && await RefuseAsync(s, moderator, member, removes: true, ct) is { } refused)
        {
            return (null, false, refused);
        }

        var now = s.Clock.GetUtcNow();
        var expires = minutes is { } m ? now.AddMinutes(m) : (DateTimeOffset?)null;
        // The ban first, then the membership: should the second step fail, the ban already refuses posting and joining.
        var (ban, created) = await UpsertBanAsync(s, roomId, target, moderator.UserId, reason, now, expires, ct);
        var removed = await s.Db.Set<ChatMember>().Where(x => x.RoomId == roomId && x.UserId == target).ExecuteDeleteAsync(ct);
        var details = Reason(reason);
        details["expiresAt"] = expires?.ToString("O", CultureInfo.InvariantCulture) ?? "never";
        await s.AuditAsync(moderator.UserId, "chat.member.ban", roomId, target, details, ct);
        await s.MemberChangedAsync(roomId, target, removed > 0 ? MemberChanges.Banned : null, ct);
        return (ban, created, null);
    }

    private static async Task<(ChatBan Ban, bool Created)> UpsertBanAsync(
        ModerationServices s, Guid roomId, Guid target, Guid by, string reason, DateTimeOffset now, DateTimeOffset? expires, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ban = await s.Db.Set<ChatBan>().FirstOrDefaultAsync(b => b.RoomId == roomId && b.UserId == target, ct);
            var created = ban is null;
            if (ban is null)
            {
                ban = new ChatBan { RoomId = roomId, UserId = target };
                s.Db.Set<ChatBan>().Add(ban);
            }

            ban.BannedBy = by;
            ban.Reason = reason;
            ban.CreatedAt = now;
            ban.ExpiresAt = expires;
            try
            {
                await s.Db.SaveChangesAsync(ct);
                return (ban, created);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The (room, user) key: a concurrent ban of the same user inserted first (or removed the row we were
                // updating). Read again and replace it; one row is the outcome either way.
                s.Db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Mutes a member until now + <paramref name="minutes"/>. Audited as <c>chat.member.mute</c>.</summary>
    public static async Task<(DateTimeOffset Until, IResult? Problem)> MuteAsync(ModerationServices s, Moderator moderator, Guid target, int minutes, CancellationToken ct)
    {
        var roomId = moderator.Room.Id;
        var member = await s.Db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == target, ct);
        if (member is null)
        {
            return (default, Problems.NotFound("member"));
        }

        if (await RefuseAsync(s, moderator, member, removes: false, ct) is { } refused)
        {
            return (default, refused);
        }

        var until = s.Clock.GetUtcNow().AddMinutes(minutes);
        var changed = await s.Db.Set<ChatMember>().Where(m => m.RoomId == roomId && m.UserId == target)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.MutedUntil, until), ct);
        if (changed == 0)
        {
            return (default, Problems.NotFound("member"));
        }

        await s.AuditAsync(moderator.UserId, "chat.member.mute", roomId, target, new Dictionary<string, string> { ["until"] = until.ToString("O", CultureInfo.InvariantCulture) }, ct);
        await s.MemberChangedAsync(roomId, target, MemberChanges.Role, ct);
        return (until, null);
    }

    /// <summary>Lifts a member's mute (a no-op when none). Audited as <c>chat.member.unmute</c> when there was one.</summary>
    public static async Task<IResult?> UnmuteAsync(ModerationServices s, Moderator moderator, Guid target, CancellationToken ct)
    {
        var roomId = moderator.Room.Id;
        var member = await s.Db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == target, ct);
        if (member is null)
        {
            return Problems.NotFound("member");
        }

        if (await RefuseAsync(s, moderator, member, removes: false, ct) is { } refused)
        {
            return refused;
        }

        var changed = await s.Db.Set<ChatMember>().Where(m => m.RoomId == roomId && m.UserId == target && m.MutedUntil != null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.MutedUntil, (DateTimeOffset?)null), ct);
        if (changed > 0)
        {
            await s.AuditAsync(moderator.UserId, "chat.member.unmute", roomId, target, null, ct);
            await s.MemberChangedAsync(roomId, target, MemberChanges.Role, ct);
        }

        return null;
    }

    /// <summary>
    /// Why the moderator may not act on this member, or null: not themselves, only strictly lower ranks, and never the
    /// room's last owner when it removes them (only an admin outranks an owner, and a room is not left without one).
    /// </summary>
    private static async Task<IResult?> RefuseAsync(ModerationServices s, Moderator moderator, ChatMember target, bool removes, CancellationToken ct)
    {
        if (target.UserId == moderator.UserId)
        {
            return Problems.Forbidden("you cannot do this to yourself.");
        }

        if (!ModerationRules.MayActOn(moderator.Rank, target.Role))
        {
            return Problems.Forbidden(target.Role == ChatRoomRoles.Owner
                ? "a room owner can only be acted on by an admin; an owner must demote a co-owner first."
                : "a moderator can only act on members; owners act on moderators.");
        }

        if (removes && target.Role == ChatRoomRoles.Owner
            && !await s.Db.Set<ChatMember>().AnyAsync(m => m.RoomId == target.RoomId && m.UserId != target.UserId && m.Role == ChatRoomRoles.Owner, ct))
        {
            return Problems.Conflict("userId", "they are the room's only owner; make someone else owner first.");
        }

        return null;
    }

    private static Dictionary<string, string> Reason(string reason) =>
        reason.Length == 0 ? [] : new Dictionary<string, string> { ["reason"] = reason };
}
