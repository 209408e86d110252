namespace Worldloom.Chat.Client.E2e;

/// <summary>A device's public side as the server lists it.</summary>
/// <param name="Id">Device id.</param>
/// <param name="UserId">Owner.</param>
/// <param name="Name">Label.</param>
/// <param name="X25519">Base64 X25519 public key.</param>
/// <param name="Ed25519">Base64 Ed25519 public key.</param>
/// <param name="RevokedAt">When revoked; its old signatures still verify.</param>
public sealed record DeviceInfo(Guid Id, Guid UserId, string Name, string X25519, string Ed25519, DateTimeOffset? RevokedAt);
