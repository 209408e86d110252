using System.Buffers;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// The stream under a chat connection's <see cref="System.Net.WebSockets.WebSocket"/>. The socket writes and then
/// flushes every frame, and each flush of Kestrel's upgraded stream is a pipe flush that wakes the socket sender. While
/// <see cref="Holding"/> is set, written frames collect here (up to 16 KiB) and their flushes wait; the next frame written
/// while it is clear goes out with everything collected in one write and one flush, so a writer that drains several
/// queued frames pays one flush instead of one per frame (<c>docs/benchmarks.md</c>, session 6).
/// </summary>
/// <remarks>
/// The <see cref="System.Net.WebSockets.WebSocket"/> writes one frame at a time under its own send lock (data frames,
/// and the pongs, pings and close frames it sends itself), so writes here never overlap and their order is the order of
/// the frames. A pong written while frames are held waits with them for the writer's last frame, which clears
/// <see cref="Holding"/> first; the held bytes are therefore never left behind. Nothing is held between batches: the
/// buffer goes back to the pool once written, so an idle connection keeps none.
/// </remarks>
internal sealed class FrameBatchStream(Stream inner) : Stream
{
    /// <summary>
    /// Held bytes past which a write goes out even while holding: a writer that never catches up with its queue still
    /// sends (about a TCP segment window at a time), and the buffer stays small.
    /// </summary>
    private const int MaxHeld = 16 * 1024;

    private byte[]? _held;
    private int _length;

    /// <summary>Set by the connection's writer while more frames follow the one it is about to send.</summary>
    public bool Holding { get; set; }

    /// <inheritdoc />
    public override bool CanRead => inner.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => inner.CanWrite;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Holding && _length + buffer.Length <= MaxHeld)
        {
            Hold(buffer.Span);
            return ValueTask.CompletedTask;
        }

        if (_held is null && !Holding)
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }

        // Past the bound while holding, the flush that follows is skipped (see FlushAsync), so this write flushes.
        Hold(buffer.Span);
        return WriteHeldAsync(flush: Holding, cancellationToken);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The socket flushes after every frame it writes; while holding, that flush waits for the run's last frame, whose
    /// own flush sends everything.
    /// </summary>
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Holding)
        {
            return Task.CompletedTask;
        }

        return _held is null ? inner.FlushAsync(cancellationToken) : WriteHeldAsync(flush: true, cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Release();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        Release();
        await base.DisposeAsync();
    }

    private void Hold(ReadOnlySpan<byte> frame)
    {
        if (_held is null || _held.Length - _length < frame.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + frame.Length, 4096));
            if (_held is not null)
            {
                _held.AsSpan(0, _length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_held);
            }

            _held = bigger;
        }

        frame.CopyTo(_held.AsSpan(_length));
        _length += frame.Length;
    }

    private async ValueTask WriteHeldAsync(bool flush, CancellationToken cancellationToken)
    {
        try
        {
            await inner.WriteAsync(_held.AsMemory(0, _length), cancellationToken);
        }
        finally
        {
            Release();
        }

        if (flush)
        {
            await inner.FlushAsync(cancellationToken);
        }
    }

    private void Release()
    {
        if (_held is { } held)
        {
            _held = null;
            _length = 0;
            ArrayPool<byte>.Shared.Return(held);
        }
    }
}
