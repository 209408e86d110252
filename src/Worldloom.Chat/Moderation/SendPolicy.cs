using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Moderation;

/// <summary>
/// The one decision "may this user post in this room now?", used by REST posting, editing and reacting and by the
/// WebSocket send path, so both refuse the same things with the same codes. <see cref="Decide"/> is pure; the
/// <c>CheckAsync</c> overloads load its inputs.
/// </summary>
public static class SendPolicy
{
    /// <summary>Not a member of the room.</summary>
    public const string NotMember = Realtime.ChatErrors.NotMember;

    /// <summary>Banned from the room, or from chat site-wide.</summary>
    public const string Banned = Realtime.ChatErrors.Banned;

    /// <summary>Muted in the room.</summary>
    public const string Muted = Realtime.ChatErrors.Muted;

    /// <summary>
    /// Null when the user may post; otherwise why not. A ban outranks "not a member" (a ban removes the membership, and
    /// "banned" is the useful answer), and "muted" applies only to members. Expired bans and mutes are ignored, so
    /// nothing has to sweep them.
    /// </summary>
    /// <param name="member">The user's membership of the room; null when none.</param>
    /// <param name="ban">The user's ban from the room, if any row exists (expired or not).</param>
    /// <param name="siteBan">The user's site-wide chat ban, if any row exists.</param>
    /// <param name="now">The clock's now.</param>
    public static SendRefusal? Decide(ChatMember? member, ChatBan? ban, ChatSiteBan? siteBan, DateTimeOffset now)
    {
        if (siteBan is not null && siteBan.AppliesAt(now))
        {
            return Refuse(Banned, "you are banned from chat", siteBan.ExpiresAt, now);
        }

        if (ban is not null && ban.AppliesAt(now))
        {
            return Refuse(Banned, "you are banned from this room", ban.ExpiresAt, now);
        }

        if (member is null)
        {
            return new SendRefusal(NotMember, "join the room first.", null, null);
        }

        if (member.MutedUntil is { } until && until > now)
        {
            return Refuse(Muted, "you are muted in this room", until, now);
        }

        return null;
    }

    /// <summary>Loads the membership and bans of <paramref name="userId"/> in <paramref name="roomId"/> and decides.</summary>
    public static async Task<SendRefusal?> CheckAsync(LoomDb db, Guid roomId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var member = await db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == userId, ct);
        return await CheckAsync(db, member, roomId, userId, now, ct);
    }

    /// <summary>Decides for a membership already loaded (null: not a member), loading only the bans.</summary>
    public static async Task<SendRefusal?> CheckAsync(LoomDb db, ChatMember? member, Guid roomId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ban = await db.Set<ChatBan>().AsNoTracking().FirstOrDefaultAsync(b => b.RoomId == roomId && b.UserId == userId, ct);
        var siteBan = await db.Set<ChatSiteBan>().AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId, ct);
        return Decide(member, ban, siteBan, now);
    }

    /// <summary>
    /// Why <paramref name="userId"/> may not join <paramref name="roomId"/> (public join or invite), or null: a room
    /// ban or a site-wide ban in force. Membership and mutes do not matter here.
    /// </summary>
    public static async Task<SendRefusal?> JoinRefusalAsync(LoomDb db, Guid roomId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var refusal = await CheckAsync(db, null, roomId, userId, now, ct);
        return refusal?.Code == Banned ? refusal : null;
    }

    private static SendRefusal Refuse(string code, string what, DateTimeOffset? until, DateTimeOffset now) =>
        until is { } end
            ? new SendRefusal(code, $"{what} until {end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}.", end, end - now)
            : new SendRefusal(code, $"{what}.", null, null);
}
