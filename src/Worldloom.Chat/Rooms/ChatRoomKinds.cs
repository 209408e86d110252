namespace Worldloom.Chat.Rooms;

/// <summary>Who may see and join a room.</summary>
public static class ChatRoomKinds
{
    /// <summary>Listed to everyone; anyone signed in may join.</summary>
    public const string Public = "public";

    /// <summary>Unlisted; outsiders get 404. Members join through an invite.</summary>
    public const string Private = "private";

    /// <summary>Unlisted; joining needs an invite code.</summary>
    public const string InviteOnly = "invite_only";

    /// <summary>A direct conversation of exactly two users, always encrypted; made by <c>POST /api/chat/dms</c>, never by room creation.</summary>
    public const string Direct = "direct";

    /// <summary>Every kind a room can be created with (not <see cref="Direct"/>).</summary>
    public static readonly IReadOnlyList<string> All = [Public, Private, InviteOnly];
}
