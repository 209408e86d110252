using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// The Ed25519 checks a bundle needs, kept here so verification runs with no server and no platform services: the key
/// id is the RFC 7638 thumbprint of the public key, exactly as the platform's key store names its keys.
/// </summary>
public static class BundleKeys
{
    /// <summary>The RFC 7638 thumbprint of an OKP/Ed25519 JWK: members in lexicographic order, no whitespace.</summary>
    public static string Thumbprint(ReadOnlySpan<byte> publicKey) =>
        Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"{Base64Url(publicKey)}\"}}")));

    /// <summary>Whether <paramref name="signature"/> is a valid Ed25519 signature of <paramref name="data"/>; false for malformed input.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        publicKey.Length == 32
        && signature.Length == 64
        && PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && key is not null
        && SignatureAlgorithm.Ed25519.Verify(key, data, signature);

    /// <summary>Unpadded base64url.</summary>
    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes unpadded or padded base64url or base64; null when malformed.</summary>
    public static byte[]? FromBase64Url(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var written) ? buffer[..written] : null;
    }
}
