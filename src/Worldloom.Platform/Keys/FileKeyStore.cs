using System.Text.Json;
using NSec.Cryptography;

namespace Worldloom.Platform.Keys;

/// <summary>
/// The default key store: Ed25519 private keys in <c>keys/ed25519.json</c> under the data dir, readable by the owner only (0600).
/// Rotation rewrites the file through a temp file and an atomic rename so a crash never leaves it half-written.
/// </summary>
public sealed class FileKeyStore : IKeyStore
{
    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private List<StoredKey> _keys;

    /// <summary>Opens (or creates, with one fresh key) the store in <paramref name="directory"/>.</summary>
    public FileKeyStore(string directory, TimeProvider clock)
    {
        _clock = clock;
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "ed25519.json");
        _keys = File.Exists(_path) ? Load(_path) : [];
        if (_keys.Count == 0)
        {
            Rotate();
        }
    }

    /// <inheritdoc />
    public PublicSigningKey Current
    {
        get
        {
            lock (_gate)
            {
                return _keys[^1].ToPublic();
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PublicSigningKey> PublicKeys
    {
        get
        {
            lock (_gate)
            {
                return _keys.Select(k => k.ToPublic()).ToList();
            }
        }
    }

    /// <inheritdoc />
    public byte[] Sign(string keyId, ReadOnlySpan<byte> data)
    {
        StoredKey stored;
        lock (_gate)
        {
            stored = _keys.FirstOrDefault(k => k.KeyId == keyId)
                ?? throw new KeyNotFoundException($"No signing key '{keyId}' in the file key store.");
        }

        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(stored.PrivateKey), KeyBlobFormat.RawPrivateKey);
        return SignatureAlgorithm.Ed25519.Sign(key, data);
    }

    /// <inheritdoc />
    public PublicSigningKey Rotate()
    {
        lock (_gate)
        {
            using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
            var stored = new StoredKey(
                Ed25519Keys.Thumbprint(publicKey),
                Convert.ToBase64String(key.Export(KeyBlobFormat.RawPrivateKey)),
                Convert.ToBase64String(publicKey),
                _clock.GetUtcNow());
            var next = new List<StoredKey>(_keys) { stored };
            Save(_path, next);
            _keys = next;
            return stored.ToPublic();
        }
    }

    private static List<StoredKey> Load(string path) =>
        JsonSerializer.Deserialize<List<StoredKey>>(File.ReadAllText(path)) ?? [];

    private static void Save(string path, List<StoredKey> keys)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created 0600 from the first byte, never briefly readable by others.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, keys, new JsonSerializerOptions { WriteIndented = true });
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }

    private sealed record StoredKey(string KeyId, string PrivateKey, string PublicKey, DateTimeOffset CreatedAt)
    {
        public PublicSigningKey ToPublic() => new(KeyId, Convert.FromBase64String(PublicKey), CreatedAt);
    }
}
