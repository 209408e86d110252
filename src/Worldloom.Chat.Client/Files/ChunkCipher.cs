using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Seals and opens one chunk (format v1, described in docs/chat.md "Files"): AES-256-GCM with
/// nonce = prefix (8) ‖ uint32be(index), and associated data = "loom-chat-file-v1" ‖ prefix ‖ uint32be(index) ‖
/// uint32be(chunks) ‖ final (1 byte: 1 for the last chunk, else 0). The output is ciphertext ‖ 16-byte tag, the
/// layout WebCrypto produces, so the TypeScript client writes the same bytes.
/// </summary>
/// <remarks>
/// Binding index, count and the final flag into every tag means a chunk cannot be moved, dropped from the end, or
/// served from another file sealed with the same key without the open failing.
/// </remarks>
public static class ChunkCipher
{
    /// <summary>Nonce length in bytes.</summary>
    public const int NonceBytes = 12;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("loom-chat-file-v1");

    /// <summary>The 12-byte nonce of chunk <paramref name="index"/>.</summary>
    public static byte[] Nonce(FileSecret secret, int index)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var nonce = new byte[NonceBytes];
        secret.NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(FileSecret.PrefixBytes), (uint)index);
        return nonce;
    }

    /// <summary>The associated data of chunk <paramref name="index"/> of <paramref name="chunks"/>.</summary>
    public static byte[] AssociatedData(FileSecret secret, int index, int chunks)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, chunks);
        var aad = new byte[Label.Length + FileSecret.PrefixBytes + 4 + 4 + 1];
        Label.CopyTo(aad, 0);
        var at = Label.Length;
        secret.NoncePrefix.CopyTo(aad.AsSpan(at));
        at += FileSecret.PrefixBytes;
        BinaryPrimitives.WriteUInt32BigEndian(aad.AsSpan(at), (uint)index);
        BinaryPrimitives.WriteUInt32BigEndian(aad.AsSpan(at + 4), (uint)chunks);
        aad[at + 8] = index == chunks - 1 ? (byte)1 : (byte)0;
        return aad;
    }

    /// <summary>Seals <paramref name="plaintext"/> as chunk <paramref name="index"/> of <paramref name="chunks"/>.</summary>
    /// <returns>Ciphertext followed by the tag: <c>plaintext.Length + 16</c> bytes.</returns>
    public static byte[] Seal(FileSecret secret, int index, int chunks, ReadOnlySpan<byte> plaintext)
    {
        var sealedChunk = new byte[plaintext.Length + ChunkLayout.TagBytes];
        using var aes = new AesGcm(secret.Key, ChunkLayout.TagBytes);
        aes.Encrypt(Nonce(secret, index), plaintext, sealedChunk.AsSpan(0, plaintext.Length),
            sealedChunk.AsSpan(plaintext.Length), AssociatedData(secret, index, chunks));
        return sealedChunk;
    }

    /// <summary>Opens a sealed chunk into <paramref name="plaintext"/> (its length minus 16 bytes).</summary>
    /// <exception cref="FileIntegrityException">The chunk was altered, moved, truncated, or sealed with another key.</exception>
    public static void Open(FileSecret secret, int index, int chunks, ReadOnlySpan<byte> sealedChunk, Span<byte> plaintext)
    {
        if (sealedChunk.Length < ChunkLayout.TagBytes || plaintext.Length != sealedChunk.Length - ChunkLayout.TagBytes)
        {
            throw new FileIntegrityException(index, $"chunk {index} is {sealedChunk.Length} bytes, too short to be sealed.");
        }

        using var aes = new AesGcm(secret.Key, ChunkLayout.TagBytes);
        var body = sealedChunk.Length - ChunkLayout.TagBytes;
        try
        {
            aes.Decrypt(Nonce(secret, index), sealedChunk[..body], sealedChunk[body..], plaintext, AssociatedData(secret, index, chunks));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new FileIntegrityException(index, $"chunk {index} of {chunks} failed authentication: it was altered, reordered or belongs to another file.", e);
        }
    }
}
