namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// Signs a bundle's manifest with Ed25519. The private key stays with the signer, so the platform's key store (a file
/// or an HSM) signs without handing the key out.
/// </summary>
public interface IBundleSigner
{
    /// <summary>The key's id: the RFC 7638 JWK thumbprint of its public key (base64url).</summary>
    string KeyId { get; }

    /// <summary>The raw 32-byte Ed25519 public key.</summary>
    ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>The 64-byte Ed25519 signature of <paramref name="data"/>.</summary>
    byte[] Sign(ReadOnlySpan<byte> data);
}
