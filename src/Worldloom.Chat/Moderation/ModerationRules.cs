using Worldloom.Chat.Rooms;

namespace Worldloom.Chat.Moderation;

/// <summary>The limits of moderation input and who may act on whom, in one place so the endpoints and the docs agree.</summary>
public static class ModerationRules
{
    /// <summary>Longest reason for a ban, kick or report.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Longest mute: 30 days.</summary>
    public const int MaxMuteMinutes = 30 * 24 * 60;

    /// <summary>Longest timed ban: one year (longer is what a permanent ban is for).</summary>
    public const int MaxBanMinutes = 365 * 24 * 60;

    /// <summary>
    /// How much a role may do: member 0, moderator 1, owner 2, and a platform admin 3 (admins act in any room). A role
    /// acts only on strictly lower ranks, so moderators cannot touch each other and owners must demote a co-owner first.
    /// </summary>
    public static int Rank(string? role, bool isAdmin = false) =>
        isAdmin ? 3 : role switch
        {
            ChatRoomRoles.Owner => 2,
            ChatRoomRoles.Moderator => 1,
            _ => 0,
        };

    /// <summary>Whether an actor of <paramref name="actorRank"/> may kick, ban or mute someone whose room role is <paramref name="targetRole"/> (null: not a member).</summary>
    public static bool MayActOn(int actorRank, string? targetRole) => actorRank >= 1 && actorRank > Rank(targetRole);
}
