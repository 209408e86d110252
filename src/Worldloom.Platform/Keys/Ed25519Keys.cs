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
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != 32 || signature.Length != 64)
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }
}
