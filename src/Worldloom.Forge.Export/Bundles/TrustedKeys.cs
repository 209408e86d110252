using System.Text.Json;

namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// Reads the public keys a verifier should trust from what people have at hand: the server's JWKS
/// (<c>/.well-known/jwks.json</c> or <c>loom keys public</c>), a single Ed25519 JWK, or a raw 32-byte key in base64url
/// or base64 on one line.
/// </summary>
public static class TrustedKeys
{
    /// <summary>The keys in <paramref name="text"/>, or null with the reason in <paramref name="error"/>.</summary>
    public static IReadOnlyList<byte[]>? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            return ParseJson(trimmed, out error);
        }

        if (BundleKeys.FromBase64Url(trimmed) is { Length: 32 } raw)
        {
            return [raw];
        }

        error = "not a JWKS, an Ed25519 JWK or a base64 32-byte public key.";
        return null;
    }

    private static List<byte[]>? ParseJson(string text, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var entries = root.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                ? [.. keys.EnumerateArray()]
                : new List<JsonElement> { root };
            var found = new List<byte[]>();
            foreach (var entry in entries)
            {
                if (entry.ValueKind == JsonValueKind.Object
                    && entry.TryGetProperty("kty", out var kty) && kty.ValueKind == JsonValueKind.String && kty.GetString() == "OKP"
                    && entry.TryGetProperty("crv", out var crv) && crv.ValueKind == JsonValueKind.String && crv.GetString() == "Ed25519"
                    && entry.TryGetProperty("x", out var x) && x.ValueKind == JsonValueKind.String
                    && BundleKeys.FromBase64Url(x.GetString()) is { Length: 32 } key)
                {
                    found.Add(key);
                }
            }

            error = found.Count == 0 ? "the JSON holds no Ed25519 key (kty OKP, crv Ed25519, x)." : null;
            return found.Count == 0 ? null : found;
        }
        catch (JsonException e)
        {
            error = $"not valid JSON: {e.Message}";
            return null;
        }
    }
}
