namespace Worldloom.Platform.Grains;

/// <summary>One grain's persisted state, in the same database as everything else (the embedded default and at scale).</summary>
public sealed class GrainStateRecord
{
    /// <summary>The state's name (<c>[PersistentState("name")]</c>).</summary>
    public required string StateName { get; set; }

    /// <summary>The grain id, as Orleans prints it (<c>type/key</c>).</summary>
    public required string GrainId { get; set; }

    /// <summary>Changes on every write; a write that brings a stale ETag is refused.</summary>
    public required string ETag { get; set; }

    /// <summary>The state, in Orleans' own version-tolerant binary serialization.</summary>
    public required byte[] Data { get; set; }

    /// <summary>Last write.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
