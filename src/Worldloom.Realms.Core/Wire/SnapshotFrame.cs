namespace Worldloom.Realms.Core.Wire;

/// <summary>A snapshot codec payload, passed through untouched (the snapshot decoder reads it). A server that
/// encodes straight into its send buffer writes the <see cref="ServerFrameType.Snapshot"/> byte, then the payload.</summary>
/// <param name="Payload">The payload.</param>
public sealed record SnapshotFrame(ReadOnlyMemory<byte> Payload) : ServerFrame
{
    /// <inheritdoc />
    public override ServerFrameType Type => ServerFrameType.Snapshot;

    /// <inheritdoc />
    public bool Equals(SnapshotFrame? other) => other is not null && Payload.Span.SequenceEqual(other.Payload.Span);

    /// <inheritdoc />
    public override int GetHashCode() => Payload.Length;
}
