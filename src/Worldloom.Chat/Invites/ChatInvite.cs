namespace Worldloom.Chat.Invites;

/// <summary>
/// An invite to a room. Only the SHA-256 of the code is stored (as for refresh tokens), so a database read does not
/// hand out working invites.
/// </summary>
public sealed class ChatInvite
{
    /// <summary>Lowercase hex SHA-256 of the code.</summary>
    public required string CodeHash { get; set; }

    /// <summary>The room it joins.</summary>
    public Guid RoomId { get; set; }

    /// <summary>How many users may accept it, 1–1,000.</summary>
    public int MaxUses { get; set; }

    /// <summary>How many have.</summary>
    public int Uses { get; set; }

    /// <summary>When it stops working (1 minute to 30 days after creation).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Who created it.</summary>
    public Guid CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
