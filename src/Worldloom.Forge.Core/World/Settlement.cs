namespace Worldloom.Forge.Core.World;

/// <summary>A place where people live. Later stages fill <see cref="RegionId"/>, <see cref="FactionId"/> and <see cref="IsCapital"/>.</summary>
public sealed record Settlement
{
    /// <summary>Stable id, <c>settlement-N</c> numbered from 1 in placement order.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, unique within the world.</summary>
    public required string Name { get; init; }

    /// <summary>Its cell.</summary>
    public required GridPoint Location { get; init; }

    /// <summary>Size class, which follows from <see cref="Population"/>.</summary>
    public required SettlementSize Size { get; init; }

    /// <summary>Number of inhabitants.</summary>
    public required int Population { get; init; }

    /// <summary>Id of the culture its people belong to (see <see cref="Naming.Cultures"/>).</summary>
    public required string Culture { get; init; }

    /// <summary>The biome of its cell.</summary>
    public required Biome Biome { get; init; }

    /// <summary>Whether it touches the sea.</summary>
    public bool Coastal { get; init; }

    /// <summary>Whether a river or lake touches it.</summary>
    public bool FreshWater { get; init; }

    /// <summary>The region it lies in, once regions are grown.</summary>
    public string? RegionId { get; init; }

    /// <summary>The faction that holds it, once factions are drawn.</summary>
    public string? FactionId { get; init; }

    /// <summary>Whether it is its faction's capital.</summary>
    public bool IsCapital { get; init; }
}
