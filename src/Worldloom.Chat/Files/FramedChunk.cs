namespace Worldloom.Chat.Files;

/// <summary>
/// A read-only stream of a chunk's header followed by the request body, which it refuses to read past the chunk's
/// expected length: an oversized upload stops at the first byte too many instead of filling the disk first.
/// </summary>
internal sealed class FramedChunk(byte[] header, Stream body, long expected) : Stream
{
    private int _headerRead;

    /// <summary>Body bytes read so far.</summary>
    public long BodyRead { get; private set; }

    /// <summary>Whether the body ended at exactly the expected length.</summary>
    public bool Exact => BodyRead == expected;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headerRead < header.Length)
        {
            var n = Math.Min(buffer.Length, header.Length - _headerRead);
            header.AsMemory(_headerRead, n).CopyTo(buffer);
            _headerRead += n;
            return n;
        }

        // Ask for one byte more than may come, so a longer body is caught without reading the rest of it.
        var room = (int)Math.Min(buffer.Length, expected - BodyRead + 1);
        var read = await body.ReadAsync(buffer[..room], cancellationToken);
        BodyRead += read;
        if (BodyRead > expected)
        {
            throw new ChunkLengthException();
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
