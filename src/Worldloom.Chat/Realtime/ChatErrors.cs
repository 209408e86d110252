namespace Worldloom.Chat.Realtime;

/// <summary>The <c>code</c> values of <c>error</c> frames (<c>docs/chat-protocol.md</c>).</summary>
public static class ChatErrors
{
    /// <summary>Not a JSON object with a string type.</summary>
    public const string BadFrame = "bad_frame";

    /// <summary>A type this version does not know.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>A frame over the size limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>A field missing or malformed.</summary>
    public const string Invalid = "invalid";

    /// <summary>No auth yet, or a bad token.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The access token expired.</summary>
    public const string TokenExpired = "token_expired";

    /// <summary>No such room or message, or one the caller may not see.</summary>
    public const string NotFound = "not_found";

    /// <summary>The caller has not joined the room.</summary>
    public const string NotMember = "not_member";

    /// <summary>Banned from the room (or from chat).</summary>
    public const string Banned = "banned";

    /// <summary>Muted for a while.</summary>
    public const string Muted = "muted";

    /// <summary>Too many frames.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>An encrypted message under a key epoch that is no longer current.</summary>
    public const string StaleKey = "stale_key";

    /// <summary>The client reads too slowly.</summary>
    public const string SlowConsumer = "slow_consumer";

    /// <summary>The server failed.</summary>
    public const string Internal = "internal";
}
