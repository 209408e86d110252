namespace Worldloom.Chat.Encryption;

/// <summary>Body of <c>POST /api/chat/devices</c>.</summary>
/// <param name="Name">1–64 characters.</param>
/// <param name="X25519">The X25519 public key: base64 of 32 bytes.</param>
/// <param name="Ed25519">The Ed25519 public key: base64 of 32 bytes.</param>
/// <param name="Signature">Base64 of the Ed25519 signature over <c>"worldloom-chat-device-v1" ‖ x25519</c> (64 bytes).</param>
public sealed record DeviceRegister(string? Name, string? X25519, string? Ed25519, string? Signature);
