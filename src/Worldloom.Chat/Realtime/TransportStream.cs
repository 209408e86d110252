using System.Buffers;
using System.IO.Pipelines;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// A connection's transport pipes as the stream a <see cref="System.Net.WebSockets.WebSocket"/> runs over, for upgrades
/// served at Kestrel's connection level (<see cref="ChatUpgradeListener"/>). A zero-length read waits for data without
/// taking any, as the socket's idle read needs; writes go to the pipe and flush, as Kestrel's upgraded stream's do.
/// </summary>
/// <remarks>The transport belongs to Kestrel, which completes it when the connection ends; disposing this leaves it open.</remarks>
internal sealed class TransportStream(IDuplexPipe transport) : Stream
{
    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var result = await transport.Input.ReadAsync(cancellationToken);
        var data = result.Buffer;
        var taken = (int)Math.Min(data.Length, buffer.Length);
        data.Slice(0, taken).CopyTo(buffer.Span);
        transport.Input.AdvanceTo(data.GetPosition(taken));
        return taken;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        await transport.Output.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async Task FlushAsync(CancellationToken cancellationToken) => await transport.Output.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
