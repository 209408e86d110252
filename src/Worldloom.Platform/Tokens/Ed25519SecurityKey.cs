using Microsoft.IdentityModel.Tokens;
using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tokens;

/// <summary>
/// An Ed25519 key for Microsoft.IdentityModel, which has no EdDSA support of its own (IdentityModel #2426).
/// It carries its own <see cref="CryptoProviderFactory"/> so the global default factory is never touched.
/// When built with a key store it can sign (the private key stays in the store); otherwise it only verifies.
/// </summary>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey
{
    /// <summary>The JWS algorithm name for Ed25519 signatures (RFC 8037).</summary>
    public const string Algorithm = "EdDSA";

    /// <summary>Creates a key for <paramref name="publicKey"/>; pass <paramref name="signer"/> to allow signing.</summary>
    public Ed25519SecurityKey(PublicSigningKey publicKey, IKeyStore? signer = null)
    {
        Public = publicKey;
        Signer = signer;
        KeyId = publicKey.KeyId;
        CryptoProviderFactory = new CryptoProviderFactory { CustomCryptoProvider = new Ed25519CryptoProvider() };
        Verifier = Ed25519Keys.Import(publicKey.PublicKey);
    }

    /// <summary>The public key material.</summary>
    public PublicSigningKey Public { get; }

    /// <summary>The public key imported once for verification; null when the material is malformed (nothing verifies).</summary>
    internal NSec.Cryptography.PublicKey? Verifier { get; }

    /// <summary>The store that signs on this key's behalf, or null for a verification-only key.</summary>
    public IKeyStore? Signer { get; }

    /// <inheritdoc />
    public override int KeySize => 256;

    /// <inheritdoc />
    [Obsolete("HasPrivateKey is obsolete in the base class; PrivateKeyStatus answers the same question.")]
    public override bool HasPrivateKey => Signer is not null;

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus => Signer is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;
}
