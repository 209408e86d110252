namespace Worldloom.Forge.Core.World;

/// <summary>
/// A world as the pipeline builds it: each stage reads the layers before it and sets its own. Overrides and scripted
/// rules edit it after (or between) stages. Not thread-safe; one pipeline run owns one instance.
/// </summary>
public sealed class ForgeWorld
{
    /// <summary>An empty world of <paramref name="seed"/> and <paramref name="parameters"/>, before any stage.</summary>
    public ForgeWorld(ForgeSeed seed, WorldParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(parameters);
        Seed = seed;
        Parameters = parameters;
    }

    /// <summary>The seed.</summary>
    public ForgeSeed Seed { get; }

    /// <summary>The parameters.</summary>
    public WorldParameters Parameters { get; }

    /// <summary>Cells per row.</summary>
    public int Width => Parameters.Width;

    /// <summary>Rows.</summary>
    public int Height => Parameters.Height;

    /// <summary>Elevation; set by the heightmap stage.</summary>
    public Heightmap? Heightmap { get; set; }

    /// <summary>Temperature and moisture; set by the climate stage.</summary>
    public ClimateMap? Climate { get; set; }

    /// <summary>Biome per cell; set by the biome stage.</summary>
    public BiomeMap? Biomes { get; set; }

    /// <summary>Flow, rivers and lakes; set by the hydrology stage.</summary>
    public Hydrology? Hydrology { get; set; }

    /// <summary>Settlements in id order; set by the settlement stage, completed by the region stage.</summary>
    public IReadOnlyList<Settlement> Settlements { get; set; } = [];

    /// <summary>Roads in id order; set by the road stage.</summary>
    public IReadOnlyList<Road> Roads { get; set; } = [];

    /// <summary>Region per cell; set by the region stage.</summary>
    public RegionMap? RegionMap { get; set; }

    /// <summary>Regions in id order; set by the region stage.</summary>
    public IReadOnlyList<Region> Regions { get; set; } = [];

    /// <summary>Factions in id order; set by the region stage.</summary>
    public IReadOnlyList<Faction> Factions { get; set; } = [];

    /// <summary>NPCs in id order; set by the NPC stage.</summary>
    public IReadOnlyList<Npc> Npcs { get; set; } = [];

    /// <summary>Species in id order; set by the bestiary stage.</summary>
    public IReadOnlyList<Species> Bestiary { get; set; } = [];

    /// <summary>Points of interest in id order; set by the POI stage.</summary>
    public IReadOnlyList<PointOfInterest> PointsOfInterest { get; set; } = [];

    /// <summary>
    /// The layer a stage needs, or an <see cref="InvalidOperationException"/> naming the stage that should have made
    /// it (a pipeline ordering bug, never user input).
    /// </summary>
    public static T Require<T>(T? layer, string producedBy)
        where T : class =>
        layer ?? throw new InvalidOperationException($"The {producedBy} stage has not run yet.");
}
