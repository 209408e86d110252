namespace Worldloom.Forge.Batches;

/// <summary>The summary of one seed of a batch.</summary>
public sealed class WorldBatchItem
{
    /// <summary>The batch.</summary>
    public Guid BatchId { get; set; }

    /// <summary>Position of the seed in the batch, from 0.</summary>
    public int Index { get; set; }

    /// <summary>The seed.</summary>
    public required string Seed { get; set; }

    /// <summary>The world document's hash.</summary>
    public required string Hash { get; set; }

    /// <summary>Land share in per-mille.</summary>
    public int LandPermille { get; set; }

    /// <summary>Number of settlements.</summary>
    public int Settlements { get; set; }

    /// <summary>Number of rivers.</summary>
    public int Rivers { get; set; }

    /// <summary>Number of factions.</summary>
    public int Factions { get; set; }

    /// <summary>Biome mix as JSON (biome wire name → per-mille of cells).</summary>
    public required string BiomesJson { get; set; }

    /// <summary>Blob hash of the thumbnail PNG (biomes layer).</summary>
    public required string ThumbnailSha { get; set; }
}
