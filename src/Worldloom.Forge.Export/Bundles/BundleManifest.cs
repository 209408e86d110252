using System.Buffers;
using System.Text.Json;
using Worldloom.Forge.Core.Canonical;

namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// <c>manifest.json</c>: what a bundle holds (each file's path, size and SHA-256), the world it came from and the key
/// that signs it. Written as canonical JSON (RFC 8785 subset), so the same bundle always has the same manifest bytes,
/// and <c>manifest.sig</c> is the Ed25519 signature of exactly those bytes.
/// </summary>
/// <param name="Engines">The engines exported, in <see cref="Engines.ExportEngines.All"/>'s order.</param>
/// <param name="Files">Every file except the manifest and its signature, sorted by path (ordinal).</param>
/// <param name="World">The world exported.</param>
/// <param name="KeyId">The signing key's id (RFC 7638 thumbprint).</param>
/// <param name="PublicKey">The signing key's raw 32-byte Ed25519 public key.</param>
public sealed record BundleManifest(
    IReadOnlyList<string> Engines,
    IReadOnlyList<BundleEntry> Files,
    BundleWorld World,
    string KeyId,
    byte[] PublicKey)
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string Format = "worldloom.bundle/1";

    /// <summary>The manifest's path in the bundle.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The signature's path in the bundle: 64 raw bytes.</summary>
    public const string SignatureFileName = "manifest.sig";

    /// <summary>The signature algorithm named in the manifest.</summary>
    public const string Algorithm = "Ed25519";

    /// <summary>The canonical bytes: what is signed.</summary>
    public byte[] ToCanonicalJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (Files.Count * 160));
        var w = new CanonicalJsonWriter(buffer);
        w.StartObject();
        w.Name("engines");
        w.StartArray();
        foreach (var engine in Engines)
        {
            w.String(engine);
        }

        w.EndArray();
        w.Name("files");
        w.StartArray();
        foreach (var file in Files)
        {
            w.StartObject();
            w.Name("path");
            w.String(file.Path);
            w.Name("sha256");
            w.String(file.Sha256);
            w.Name("size");
            w.Integer(file.Size);
            w.EndObject();
        }

        w.EndArray();
        w.Name("format");
        w.String(Format);
        w.Name("signature");
        w.StartObject();
        w.Name("algorithm");
        w.String(Algorithm);
        w.Name("keyId");
        w.String(KeyId);
        w.Name("publicKey");
        w.String(BundleKeys.Base64Url(PublicKey));
        w.EndObject();
        w.Name("world");
        w.StartObject();
        w.Name("generator");
        w.String(World.Generator);
        w.Name("hash");
        w.String(World.Hash);
        w.Name("parameters");
        CanonicalJson.Write(w, World.Parameters);
        w.Name("seed");
        w.StartObject();
        w.Name("kind");
        w.String(World.SeedKind);
        w.Name("text");
        w.String(World.Seed);
        w.EndObject();
        w.EndObject();
        w.EndObject();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a manifest; throws <see cref="BundleFormatException"/> naming the field when it is malformed.</summary>
    public static BundleManifest Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new BundleFormatException($"manifest.json is not JSON: {e.Message}");
        }

        using (document)
        {
            var root = Object(document.RootElement, "$");
            var format = Text(root, "format", "format");
            if (format != Format)
            {
                throw new BundleFormatException($"format: \"{format}\" is not a bundle format this build reads ({Format}).");
            }

            var engines = Array(root, "engines", "engines").Select((e, i) => TextValue(e, $"engines[{i}]")).ToList();
            var files = new List<BundleEntry>();
            var i = 0;
            foreach (var item in Array(root, "files", "files"))
            {
                var at = $"files[{i++}]";
                var file = Object(item, at);
                var path = Text(file, "path", $"{at}.path");
                if (BundlePaths.Problem(path) is { } problem)
                {
                    throw new BundleFormatException($"{at}.path: {problem}.");
                }

                var sha = Text(file, "sha256", $"{at}.sha256");
                if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
                {
                    throw new BundleFormatException($"{at}.sha256: not 64 lower-case hex digits.");
                }

                if (!file.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var length) || length < 0)
                {
                    throw new BundleFormatException($"{at}.size: not a non-negative integer.");
                }

                files.Add(new BundleEntry(path, length, sha));
            }

            var signature = Object(Member(root, "signature", "signature"), "signature");
            var algorithm = Text(signature, "algorithm", "signature.algorithm");
            if (algorithm != Algorithm)
            {
                throw new BundleFormatException($"signature.algorithm: \"{algorithm}\" is not supported; bundles are signed with {Algorithm}.");
            }

            var keyId = Text(signature, "keyId", "signature.keyId");
            var publicKey = BundleKeys.FromBase64Url(Text(signature, "publicKey", "signature.publicKey"));
            if (publicKey is not { Length: 32 })
            {
                throw new BundleFormatException("signature.publicKey: not a 32-byte base64url Ed25519 key.");
            }

            var world = Object(Member(root, "world", "world"), "world");
            var seed = Object(Member(world, "seed", "world.seed"), "world.seed");
            var parameters = Object(Member(world, "parameters", "world.parameters"), "world.parameters");
            var bundleWorld = new BundleWorld(
                Text(world, "hash", "world.hash"),
                Text(seed, "text", "world.seed.text"),
                Text(seed, "kind", "world.seed.kind"),
                Text(world, "generator", "world.generator"),
                parameters.Clone());
            return new BundleManifest(engines, files, bundleWorld, keyId, publicKey);
        }
    }

    private static JsonElement Member(JsonElement parent, string name, string at) =>
        parent.TryGetProperty(name, out var value) ? value : throw new BundleFormatException($"{at}: missing.");

    private static JsonElement Object(JsonElement element, string at) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new BundleFormatException($"{at}: not an object.");

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string name, string at)
    {
        var value = Member(parent, name, at);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new BundleFormatException($"{at}: not an array.");
    }

    private static string Text(JsonElement parent, string name, string at) => TextValue(Member(parent, name, at), at);

    private static string TextValue(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new BundleFormatException($"{at}: not a string.");
}
