namespace Worldloom.Forge.Core.World;

/// <summary>
/// What covers a cell. Stored as one byte per cell; the numeric values are part of the canonical form, so new biomes
/// are only ever appended. Wire names are in <see cref="BiomeNames"/>.
/// </summary>
public enum Biome : byte
{
    /// <summary>Open sea.</summary>
    Ocean = 0,

    /// <summary>Shallow sea next to land.</summary>
    ShallowSea = 1,

    /// <summary>Sea frozen over.</summary>
    SeaIce = 2,

    /// <summary>Sand or shingle at the shore.</summary>
    Beach = 3,

    /// <summary>Permanent snow and ice on land.</summary>
    Snow = 4,

    /// <summary>Cold, treeless plain.</summary>
    Tundra = 5,

    /// <summary>Cold conifer forest.</summary>
    Taiga = 6,

    /// <summary>Temperate grass plain.</summary>
    Grassland = 7,

    /// <summary>Dry temperate scrub.</summary>
    Shrubland = 8,

    /// <summary>Temperate broadleaf forest.</summary>
    TemperateForest = 9,

    /// <summary>Wet temperate forest.</summary>
    TemperateRainforest = 10,

    /// <summary>Hot or cold desert.</summary>
    Desert = 11,

    /// <summary>Hot grassland with scattered trees.</summary>
    Savanna = 12,

    /// <summary>Hot seasonal forest.</summary>
    TropicalForest = 13,

    /// <summary>Hot, wet rainforest.</summary>
    TropicalRainforest = 14,

    /// <summary>Marsh, bog or swamp.</summary>
    Wetland = 15,

    /// <summary>Bare rock and scree above the tree line.</summary>
    Alpine = 16,
}
