namespace Worldloom.Realms.Core.Snapshots;

/// <summary>Constants of the payload layout (docs/realms.md, "Snapshot format").</summary>
public static class SnapshotFormat
{
    /// <summary>The format version in a payload's first four bits.</summary>
    public const int Version = 1;

    /// <summary>Bits of the version field.</summary>
    public const int VersionBits = 4;

    /// <summary>Bits of an entity kind.</summary>
    public const int KindBits = 2;

    /// <summary>Bits of an activity.</summary>
    public const int ActivityBits = 4;

    /// <summary>Bits of a telegraph shape.</summary>
    public const int ShapeBits = 2;

    /// <summary>Bits of the flags.</summary>
    public const int FlagBits = 2;

    /// <summary>Bits of an event kind.</summary>
    public const int EventKindBits = 3;

    /// <summary>Bits of the long field mask.</summary>
    public const int MaskBits = 13;

    /// <summary>Bits per axis of a small position step.</summary>
    public const int StepBits = 6;

    /// <summary>How many snapshots the encoder keeps as possible baselines (and the decoder keeps to apply deltas
    /// to): 32 ticks, 1.6 s at 20 Hz, well past a round trip.</summary>
    public const int DefaultHistory = 32;

    /// <summary>A client's snapshot payload budget per tick (see <see cref="SnapshotEncoder(int, int)"/>): 180 bytes,
    /// with the frame's type byte and a 4-byte WebSocket header 185 bytes, 3.7 KB/s at 20 Hz, under the issue's
    /// 4 KB/s per player (Quake 3 ran about 3 KB/s per client).</summary>
    public const int DefaultBudgetBytes = 180;

    /// <summary>The error code of a delta whose baseline the decoder no longer (or never) had: not a fault, the
    /// client ignores it and the next snapshot after its ack catches up.</summary>
    public const string MissingBaseline = "missing_baseline";
}
