using System.Security.Cryptography;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// What a file's chunks are sealed with: a random 32-byte AES-256 key and a random 8-byte nonce prefix, both made on
/// the uploader's machine. The server never sees them; they travel inside the message that shares the file.
/// </summary>
public sealed class FileSecret
{
    /// <summary>Key length in bytes (AES-256).</summary>
    public const int KeyBytes = 32;

    /// <summary>Nonce prefix length in bytes; the remaining 4 bytes of the 12-byte nonce are the chunk index.</summary>
    public const int PrefixBytes = 8;

    private readonly byte[] _key;
    private readonly byte[] _prefix;

    /// <summary>A secret from known bytes (a received descriptor, a test vector).</summary>
    public FileSecret(ReadOnlySpan<byte> key, ReadOnlySpan<byte> noncePrefix)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"The key must be {KeyBytes} bytes.", nameof(key));
        }

        if (noncePrefix.Length != PrefixBytes)
        {
            throw new ArgumentException($"The nonce prefix must be {PrefixBytes} bytes.", nameof(noncePrefix));
        }

        _key = key.ToArray();
        _prefix = noncePrefix.ToArray();
    }

    /// <summary>The AES-256 key.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>The per-file random nonce prefix, also bound into every chunk's associated data.</summary>
    public ReadOnlySpan<byte> NoncePrefix => _prefix;

    /// <summary>A fresh secret from the system's cryptographic random generator.</summary>
    public static FileSecret Create() => new(RandomNumberGenerator.GetBytes(KeyBytes), RandomNumberGenerator.GetBytes(PrefixBytes));
}
