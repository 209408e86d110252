namespace Worldloom.Chat.Encryption;

/// <summary>
/// A user's device as the server knows it: the public halves of its keys. A revoked device keeps its row so members can
/// still verify what it signed before; it receives no new room keys and its new envelopes are refused.
/// </summary>
public sealed class ChatDevice
{
    /// <summary>Id (version 7), named in wraps and envelopes.</summary>
    public Guid Id { get; set; }

    /// <summary>The owner.</summary>
    public Guid UserId { get; set; }

    /// <summary>A label the owner chose ("laptop"), shown to whoever sees the device list.</summary>
    public required string Name { get; set; }

    /// <summary>X25519 public key, 32 bytes: room keys are wrapped to it.</summary>
    public required byte[] X25519 { get; set; }

    /// <summary>Ed25519 public key, 32 bytes: verifies the device's envelopes and wraps. Unique across all devices.</summary>
    public required byte[] Ed25519 { get; set; }

    /// <summary>Registration time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once revoked.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
