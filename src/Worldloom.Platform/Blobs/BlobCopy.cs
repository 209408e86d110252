using System.Buffers;
using System.Security.Cryptography;

namespace Worldloom.Platform.Blobs;

/// <summary>Reads a source once, hashing and counting as it goes, so a blob's name and size come out of the copy itself.</summary>
internal static class BlobCopy
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Copies <paramref name="source"/> to its end into <paramref name="destination"/> (or nowhere, to hash only) and
    /// returns the SHA-256 and length. Throws <see cref="BlobTooLargeException"/> as soon as more than
    /// <paramref name="maxBytes"/> have been read, so an oversized upload is never read, or written, to its end.
    /// </summary>
    public static async Task<BlobRef> CopyAsync(Stream source, Stream? destination, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new BlobTooLargeException(maxBytes);
                }

                sha.AppendData(buffer, 0, read);
                if (destination is not null)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return new BlobRef(Convert.ToHexStringLower(sha.GetHashAndReset()), total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
