using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// A few numbers that describe a world at a glance, for batch tables and world lists; computed from the world, never
/// stored apart from it. Shares are integers in per-mille (thousandths of all cells), rounded half up, so they carry
/// no floats into canonical JSON; the biome shares therefore need not add up to exactly 1000.
/// </summary>
/// <param name="LandPermille">Land cells (above sea level) per thousand cells; null without a heightmap.</param>
/// <param name="Biomes">Per-mille share of each biome present, in biome byte order; empty without a biome map.</param>
/// <param name="Settlements">How many settlements.</param>
/// <param name="Rivers">How many rivers.</param>
/// <param name="Lakes">How many lakes.</param>
/// <param name="Regions">How many regions.</param>
/// <param name="Factions">How many factions.</param>
/// <param name="Npcs">How many NPCs.</param>
/// <param name="Species">How many species in the bestiary.</param>
/// <param name="PointsOfInterest">How many points of interest.</param>
public sealed record WorldSummary(
    int? LandPermille,
    IReadOnlyList<KeyValuePair<Biome, int>> Biomes,
    int Settlements,
    int Rivers,
    int Lakes,
    int Regions,
    int Factions,
    int Npcs,
    int Species,
    int PointsOfInterest)
{
    /// <summary>The summary of <paramref name="world"/>.</summary>
    public static WorldSummary From(ForgeWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        long cells = (long)world.Width * world.Height;
        int? land = world.Heightmap is { } heightmap ? Permille(heightmap.CountLand(), cells) : null;
        var biomes = new List<KeyValuePair<Biome, int>>();
        if (world.Biomes is { } map)
        {
            var histogram = map.Histogram();
            for (var b = 0; b < histogram.Length; b++)
            {
                if (histogram[b] > 0)
                {
                    biomes.Add(new KeyValuePair<Biome, int>((Biome)b, Permille(histogram[b], cells)));
                }
            }
        }

        return new WorldSummary(
            land,
            biomes,
            world.Settlements.Count,
            world.Hydrology?.Rivers.Count ?? 0,
            world.Hydrology?.Lakes.Count ?? 0,
            world.Regions.Count,
            world.Factions.Count,
            world.Npcs.Count,
            world.Bestiary.Count,
            world.PointsOfInterest.Count);
    }

    /// <summary>The per-mille share of <paramref name="biome"/>, 0 when absent.</summary>
    public int BiomePermille(Biome biome)
    {
        foreach (var (b, share) in Biomes)
        {
            if (b == biome)
            {
                return share;
            }
        }

        return 0;
    }

    /// <summary>Writes the summary as a canonical object; biomes as an object keyed by wire name.</summary>
    public void Write(CanonicalJsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.StartObject();
        writer.Name("biomes");
        writer.StartObject();
        foreach (var (biome, share) in Biomes.OrderBy(p => BiomeNames.ToName(p.Key), CanonicalJsonWriter.KeyComparer))
        {
            writer.Name(BiomeNames.ToName(biome));
            writer.Integer(share);
        }

        writer.EndObject();
        Field(writer, "factions", Factions);
        Field(writer, "lakes", Lakes);
        if (LandPermille is { } land)
        {
            Field(writer, "landPermille", land);
        }

        Field(writer, "npcs", Npcs);
        Field(writer, "pointsOfInterest", PointsOfInterest);
        Field(writer, "regions", Regions);
        Field(writer, "rivers", Rivers);
        Field(writer, "settlements", Settlements);
        Field(writer, "species", Species);
        writer.EndObject();
    }

    private static void Field(CanonicalJsonWriter writer, string name, int value)
    {
        writer.Name(name);
        writer.Integer(value);
    }

    private static int Permille(long count, long total) => (int)(((count * 1000) + (total / 2)) / total);
}
