using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Worldloom.Platform.Blobs;

namespace Worldloom.Chat.Files;

/// <summary>
/// How a chunk lies in the blob store: a 32-byte header ("WLCHUNK1", the file id, the chunk index, four zero bytes)
/// before the sealed bytes. The store is content-addressed and shared by every module, and deleting a file deletes its
/// blobs by hash; the header makes every chunk's blob unique to its (file, index), so a member who re-uploads someone
/// else's chunk bytes (or any other module's blob) and then deletes their file cannot take the original with it.
/// </summary>
public static class ChunkBlob
{
    /// <summary>Header length in bytes.</summary>
    public const int HeaderBytes = 32;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("WLCHUNK1");

    /// <summary>The header of chunk <paramref name="index"/> of file <paramref name="fileId"/>.</summary>
    public static byte[] Header(Guid fileId, int index)
    {
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header, 0);
        fileId.TryWriteBytes(header.AsSpan(8, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(24), index);
        return header;
    }

    /// <summary>The SHA-256 (lowercase hex) of everything <paramref name="content"/> yields, without storing it.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var sha = SHA256.Create();
        return Convert.ToHexStringLower(await sha.ComputeHashAsync(content, ct));
    }

    /// <summary>
    /// Opens chunk <paramref name="index"/>'s blob positioned after its header, or null when the blob is gone. A header
    /// that names another chunk means the store was tampered with or mixed up; that is refused here rather than served.
    /// </summary>
    public static async Task<Stream?> OpenAsync(IBlobStore blobs, string sha256, Guid fileId, int index, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        var stream = await blobs.OpenAsync(sha256, ct);
        if (stream is null)
        {
            return null;
        }

        var header = new byte[HeaderBytes];
        try
        {
            await stream.ReadExactlyAsync(header, ct);
        }
        catch (EndOfStreamException)
        {
            await stream.DisposeAsync();
            throw new InvalidDataException($"The blob of chunk {index} of file {fileId} is shorter than its header.");
        }

        if (!header.AsSpan().SequenceEqual(Header(fileId, index)))
        {
            await stream.DisposeAsync();
            throw new InvalidDataException($"The blob of chunk {index} of file {fileId} carries another chunk's header.");
        }

        return stream;
    }
}
