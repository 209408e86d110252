namespace Worldloom.Platform.Audit;

/// <summary>
/// One link of the audit chain. <see cref="Hash"/> is SHA-256 over the canonical form of every other field but the signature
/// (including <see cref="PrevHash"/>), and <see cref="Signature"/> is Ed25519 over the hash bytes.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Seq { get; set; }

    /// <summary>When, truncated to milliseconds so it survives every database round trip unchanged.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who: a user id, an email for failed logins, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>Client address, or empty.</summary>
    public required string Ip { get; set; }

    /// <summary>What happened, dotted: <c>auth.login</c>, <c>project.create</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to, e.g. <c>project:ID</c>.</summary>
    public required string Target { get; set; }

    /// <summary>Canonical JSON object with extra facts.</summary>
    public required string Details { get; set; }

    /// <summary>Hex hash of the previous entry; 64 zeros for the first.</summary>
    public required string PrevHash { get; set; }

    /// <summary>Hex SHA-256 of this entry's canonical form.</summary>
    public required string Hash { get; set; }

    /// <summary>The key that signed it.</summary>
    public required string KeyId { get; set; }

    /// <summary>Base64 Ed25519 signature over the hash bytes.</summary>
    public required string Signature { get; set; }
}
