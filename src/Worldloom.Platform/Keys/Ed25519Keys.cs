using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace Worldloom.Platform.Keys;

/// <summary>Ed25519 primitives shared by the key stores, token validation and the offline audit verifier.</summary>
public static class Ed25519Keys
{
    /// <summary>The RFC 7638 thumbprint of an OKP/Ed25519 JWK: members in lexicographic order, no whitespace.</summary>
    public static string Thumbprint(ReadOnlySpan<byte> publicKey)
    {
        var json = $"{{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"{Base64UrlEncoder.Encode(publicKey.ToArray())}\"}}";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Verifies an Ed25519 signature; false for malformed keys or signatures instead of throwing.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        Import(publicKey) is { } key && Verify(key, data, signature);

    /// <summary>
    /// The raw 32-byte public key in NSec's form, or null when malformed. For a key that verifies often (token
    /// validation), import once and call <see cref="Verify(PublicKey, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static PublicKey? Import(ReadOnlySpan<byte> publicKey) =>
        publicKey.Length == 32 && PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            ? key
            : null;

    /// <summary>Verifies an Ed25519 signature with an imported key; false for a malformed signature instead of throwing.</summary>
    public static bool Verify(PublicKey publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && SignatureAlgorithm.Ed25519.Verify(publicKey, data, signature);
}
