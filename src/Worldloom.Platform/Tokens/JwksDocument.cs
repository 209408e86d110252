using Microsoft.IdentityModel.Tokens;
using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tokens;

/// <summary>One OKP entry of the JWKS (RFC 8037): built by hand because IdentityModel's converters skip OKP keys.</summary>
/// <param name="Kty">Always <c>OKP</c>.</param>
/// <param name="Crv">Always <c>Ed25519</c>.</param>
/// <param name="X">The base64url public key.</param>
/// <param name="Kid">The RFC 7638 thumbprint.</param>
/// <param name="Use">Always <c>sig</c>.</param>
/// <param name="Alg">Always <c>EdDSA</c>.</param>
public sealed record JsonWebKeyEntry(string Kty, string Crv, string X, string Kid, string Use, string Alg)
{
    /// <summary>The JWKS entry for a public key.</summary>
    public static JsonWebKeyEntry From(PublicSigningKey key) =>
        new("OKP", "Ed25519", Base64UrlEncoder.Encode(key.PublicKey), key.KeyId, "sig", Ed25519SecurityKey.Algorithm);
}

/// <summary>The body of <c>/.well-known/jwks.json</c>.</summary>
/// <param name="Keys">Every key that may have signed a live token.</param>
public sealed record JwksDocument(IReadOnlyList<JsonWebKeyEntry> Keys);
