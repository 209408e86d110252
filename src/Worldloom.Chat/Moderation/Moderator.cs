using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Moderation;

/// <summary>
/// A caller allowed to moderate a room: one of its owners or moderators, or a platform admin (who moderates any room,
/// member or not, with more rank than its owners).
/// </summary>
/// <param name="Room">The room (never a closed one).</param>
/// <param name="UserId">The caller.</param>
/// <param name="Role">Their role in the room, null when not a member (an admin).</param>
/// <param name="IsAdmin">Whether they are a platform admin.</param>
public sealed record Moderator(ChatRoom Room, Guid UserId, string? Role, bool IsAdmin)
{
    /// <summary>Their rank (see <see cref="ModerationRules.Rank"/>).</summary>
    public int Rank => ModerationRules.Rank(Role, IsAdmin);

    /// <summary>
    /// The moderator of <paramref name="roomId"/> that the caller is, or the problem: 404 when the room is closed, unknown
    /// or hidden from them; 403 when they see it but do not moderate it.
    /// </summary>
    public static async Task<(Moderator? Moderator, IResult? Problem)> FindAsync(LoomDb db, Guid roomId, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var isAdmin = user.IsInRole(Roles.Admin);
        ChatRoom? room;
        ChatMember? member;
        if (isAdmin)
        {
            room = await db.Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId && r.ClosedAt == null, ct);
            member = room is null ? null : await db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == userId, ct);
        }
        else if (await RoomAccess.FindAsync(db, roomId, userId, ct) is var (found, foundMember))
        {
            (room, member) = (found, foundMember);
        }
        else
        {
            (room, member) = (null, null);
        }

        if (room is null)
        {
            return (null, Problems.NotFound("room"));
        }

        var moderator = new Moderator(room, userId, member?.Role, isAdmin);
        return moderator.Rank >= 1 ? (moderator, null) : (null, Problems.Forbidden("only a room owner or moderator can do this."));
    }
}
