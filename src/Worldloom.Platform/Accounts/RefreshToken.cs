namespace Worldloom.Platform.Accounts;

/// <summary>
/// A refresh token, stored only as its SHA-256. Each use replaces it with a new one in the same family;
/// presenting a used token again means it leaked, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    /// <summary>Row id.</summary>
    public Guid Id { get; set; }

    /// <summary>Owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>All tokens descended from one login share this id.</summary>
    public Guid FamilyId { get; set; }

    /// <summary>Hex SHA-256 of the opaque token, unique.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Issue time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this it is refused.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when exchanged for a new token.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Set on logout or when the family is revoked after reuse.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
