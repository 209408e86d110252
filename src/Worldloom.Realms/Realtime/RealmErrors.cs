namespace Worldloom.Realms.Realtime;

/// <summary>Codes of <c>error</c> frames and zone answers on the game socket.</summary>
public static class RealmErrors
{
    /// <summary>No such character (or someone else's), realm or zone.</summary>
    public const string NotFound = "not_found";

    /// <summary>The character is in another zone now.</summary>
    public const string Moved = "moved";

    /// <summary>The zone cannot take the character right now; join again.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>A frame before <c>auth</c>, or a bad token.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The access token expired.</summary>
    public const string TokenExpired = "token_expired";

    /// <summary>A frame that needs a joined character before <c>join</c>.</summary>
    public const string NotJoined = "not_joined";

    /// <summary>A second <c>join</c> on a connection that plays already.</summary>
    public const string AlreadyJoined = "already_joined";

    /// <summary>Too many frames.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>A text frame on the binary protocol.</summary>
    public const string NotBinary = "not_binary";

    /// <summary>Console use refused.</summary>
    public const string Forbidden = "forbidden";
}
