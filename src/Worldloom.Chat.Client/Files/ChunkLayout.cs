namespace Worldloom.Chat.Client.Files;

/// <summary>
/// How a file of <c>size</c> plaintext bytes splits into chunks: every chunk holds <c>chunkSize</c> plaintext bytes but
/// the last, which holds the rest; each sealed chunk is its plaintext plus <see cref="TagBytes"/>. The server applies the
/// same arithmetic to check every upload.
/// </summary>
public static class ChunkLayout
{
    /// <summary>The AES-GCM tag appended to every chunk: the whole per-chunk overhead.</summary>
    public const int TagBytes = 16;

    /// <summary>The smallest chunk size the server accepts (64 KiB).</summary>
    public const int MinChunkSize = 64 * 1024;

    /// <summary>The largest chunk size the server accepts (8 MiB).</summary>
    public const int MaxChunkSize = 8 * 1024 * 1024;

    /// <summary>The number of chunks: <c>ceil(size / chunkSize)</c>.</summary>
    public static int Chunks(long size, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        return checked((int)((size + chunkSize - 1) / chunkSize));
    }

    /// <summary>Plaintext bytes in chunk <paramref name="index"/>.</summary>
    public static int PlainLength(long size, int chunkSize, int index)
    {
        var chunks = Chunks(size, chunkSize);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, chunks);
        return index < chunks - 1 ? chunkSize : (int)(size - ((long)chunkSize * (chunks - 1)));
    }

    /// <summary>Bytes of sealed chunk <paramref name="index"/> as uploaded and stored.</summary>
    public static int SealedLength(long size, int chunkSize, int index) => PlainLength(size, chunkSize, index) + TagBytes;
}
