namespace Worldloom.Chat.Rooms;

/// <summary>Roles inside a room.</summary>
public static class ChatRoomRoles
{
    /// <summary>Created the room or was made owner; may do everything a moderator may.</summary>
    public const string Owner = "owner";

    /// <summary>May delete others' messages and create invites.</summary>
    public const string Moderator = "moderator";

    /// <summary>May read and post.</summary>
    public const string Member = "member";

    /// <summary>True for roles that moderate (owner, moderator).</summary>
    public static bool Moderates(string role) => role is Owner or Moderator;
}
