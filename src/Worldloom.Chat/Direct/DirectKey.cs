namespace Worldloom.Chat.Direct;

/// <summary>
/// The key of a direct conversation: both user ids as 32 hex digits each, the smaller first, so the pair has one key
/// whichever of them opens it, and a unique index makes a second room for it impossible.
/// </summary>
public static class DirectKey
{
    /// <summary>Its length.</summary>
    public const int Length = 64;

    /// <summary>The key of the pair.</summary>
    public static string Of(Guid a, Guid b)
    {
        var (x, y) = (a.ToString("N"), b.ToString("N"));
        return string.CompareOrdinal(x, y) <= 0 ? x + y : y + x;
    }

    /// <summary>The other user of a direct room's key, seen by <paramref name="userId"/>; null for any other room.</summary>
    public static Guid? Peer(string? key, Guid userId)
    {
        if (key is not { Length: Length }
            || !Guid.TryParseExact(key[..32], "N", out var first)
            || !Guid.TryParseExact(key[32..], "N", out var second))
        {
            return null;
        }

        return first == userId ? second : second == userId ? first : null;
    }
}
