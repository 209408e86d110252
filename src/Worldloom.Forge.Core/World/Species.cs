namespace Worldloom.Forge.Core.World;

/// <summary>A creature of the bestiary; Realms spawns and breeds creatures from it.</summary>
public sealed record Species
{
    /// <summary>Stable id, <c>species-N</c> numbered from 1.</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Body plan family (e.g. wolf, drake, beetle), which Realms uses to pick a model.</summary>
    public required string Family { get; init; }

    /// <summary>Biomes it lives in, sorted by biome byte.</summary>
    public required IReadOnlyList<Biome> Biomes { get; init; }

    /// <summary>Base stats.</summary>
    public required SpeciesStats Stats { get; init; }

    /// <summary>Behaviours (e.g. pack_hunter, territorial, nocturnal), sorted.</summary>
    public required IReadOnlyList<string> Behaviours { get; init; }

    /// <summary>Heritable genes with their ranges, sorted by name.</summary>
    public required IReadOnlyList<GeneRange> Genes { get; init; }

    /// <summary>Threat from 1 (harmless) to 10 (deadly).</summary>
    public required int Threat { get; init; }
}
