namespace Worldloom.Chat.Realtime;

/// <summary>The <c>change</c> values of a <see cref="MemberEvent"/>.</summary>
public static class MemberChanges
{
    /// <summary>Joined (directly, by invite, or added to a direct conversation).</summary>
    public const string Joined = "joined";

    /// <summary>Left on their own.</summary>
    public const string Left = "left";

    /// <summary>Removed by a moderator; may join again.</summary>
    public const string Kicked = "kicked";

    /// <summary>Removed and barred from joining again.</summary>
    public const string Banned = "banned";

    /// <summary>Their role (or mute) changed.</summary>
    public const string Role = "role";
}
