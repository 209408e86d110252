namespace Worldloom.Platform.Keys;

/// <summary>The public half of an Ed25519 signing key, enough to verify tokens and audit entries offline.</summary>
/// <param name="KeyId">RFC 7638 JWK thumbprint of the key (base64url).</param>
/// <param name="PublicKey">The 32-byte raw Ed25519 public key.</param>
/// <param name="CreatedAt">When the key was added to the store.</param>
public sealed record PublicSigningKey(string KeyId, byte[] PublicKey, DateTimeOffset CreatedAt);
