using System.Buffers;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Downloads a completed file chunk by chunk, checks each chunk's length and tag, and writes the plaintext. A chunk
/// that fails authentication stops the download with <see cref="FileIntegrityException"/>; what was written before it
/// had authenticated, but the caller should discard a partial result.
/// </summary>
public sealed class FileDownload
{
    private readonly FileRequests _requests;

    /// <summary>A downloader over <paramref name="http"/>, whose base address is the server and which sends the caller's token.</summary>
    public FileDownload(HttpClient http, int attempts = 3, TimeSpan? backoff = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        _requests = new FileRequests(http, attempts, backoff ?? TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Writes the file's plaintext to <paramref name="destination"/>.</summary>
    /// <param name="file">The descriptor received in the message.</param>
    /// <param name="destination">Where the plaintext goes.</param>
    /// <param name="progress">Plaintext bytes written so far, after each chunk.</param>
    /// <param name="ct">Cancels.</param>
    /// <exception cref="FileIntegrityException">A chunk was altered, missing bytes, or not this file's.</exception>
    public async Task DownloadAsync(FileDescriptor file, Stream destination, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(destination);
        var secret = file.Secret();
        var sealedBuffer = ArrayPool<byte>.Shared.Rent(file.ChunkSize + ChunkLayout.TagBytes);
        var plain = ArrayPool<byte>.Shared.Rent(file.ChunkSize);
        long done = 0;
        try
        {
            for (var index = 0; index < file.Chunks; index++)
            {
                var expected = ChunkLayout.SealedLength(file.Size, file.ChunkSize, index);
                var chunk = index;
                using var response = await _requests.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/chat/files/{file.FileId}/chunks/{chunk}"), ct);
                var length = await ReadUpToAsync(await response.Content.ReadAsStreamAsync(ct), sealedBuffer, expected, ct);
                if (length != expected)
                {
                    throw new FileIntegrityException(index, $"chunk {index} has the wrong length: expected {expected} bytes.");
                }

                var plainLength = expected - ChunkLayout.TagBytes;
                ChunkCipher.Open(secret, index, file.Chunks, sealedBuffer.AsSpan(0, expected), plain.AsSpan(0, plainLength));
                await destination.WriteAsync(plain.AsMemory(0, plainLength), ct);
                done += plainLength;
                progress?.Report(done);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(sealedBuffer);
        }
    }

    /// <summary>Reads at most <paramref name="expected"/> + 1 bytes, so an overlong answer is noticed without reading it all.</summary>
    private static async Task<int> ReadUpToAsync(Stream body, byte[] buffer, int expected, CancellationToken ct)
    {
        await using (body)
        {
            var total = 0;
            int read;
            while (total < expected && (read = await body.ReadAsync(buffer.AsMemory(total, expected - total), ct)) > 0)
            {
                total += read;
            }

            if (total == expected && await body.ReadAsync(new byte[1], ct) > 0)
            {
                return expected + 1;
            }

            return total;
        }
    }
}
