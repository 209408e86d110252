namespace Worldloom.Forge.Batches;

/// <summary>The summary of one generated seed, as a grain returns it.</summary>
[GenerateSerializer]
[Alias("Worldloom.Forge.Batches.BatchShardResult")]
public sealed record BatchShardResult
{
    /// <summary>Position in the batch.</summary>
    [Id(0)]
    public int Index { get; init; }

    /// <summary>The seed.</summary>
    [Id(1)]
    public required string Seed { get; init; }

    /// <summary>The world document's hash.</summary>
    [Id(2)]
    public required string Hash { get; init; }

    /// <summary>Land share in per-mille.</summary>
    [Id(3)]
    public int LandPermille { get; init; }

    /// <summary>Settlements.</summary>
    [Id(4)]
    public int Settlements { get; init; }

    /// <summary>Rivers.</summary>
    [Id(5)]
    public int Rivers { get; init; }

    /// <summary>Factions.</summary>
    [Id(6)]
    public int Factions { get; init; }

    /// <summary>Biome wire name → per-mille of cells, as JSON.</summary>
    [Id(7)]
    public required string BiomesJson { get; init; }

    /// <summary>A small PNG of the biomes layer.</summary>
    [Id(8)]
    public required byte[] Thumbnail { get; init; }

    /// <summary>Which silo generated it (shows the batch spreading over the cluster).</summary>
    [Id(9)]
    public required string Silo { get; init; }
}
