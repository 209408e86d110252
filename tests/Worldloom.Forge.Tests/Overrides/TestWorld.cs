using System.Text;
using System.Text.Json;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Overrides;

/// <summary>
/// A small hand-made world with every layer, for override and scripted-rule tests (the pipeline does not make these
/// layers yet). 16 × 12 cells; sea is columns 0–1, the rest land. Linked into the rules tests as well.
/// <code>
///   x: 0 1 | 2 .. 7            | 8 .. 15
///   sea    | region-1 (faction-1) | y 0–5:  region-2 (faction-2), lake at (10,3) (11,3)
///          | beach at x 2        | y 6–11: region-3 (faction-3)
/// </code>
/// Settlements: 1 Ashford (2,4) capital of faction-1, 2 Brindle (5,8), 6 Ash (6,1) in region-1; 3 Corvale (12,2)
/// capital of faction-2; 4 Dunmere (12,8) capital of faction-3, 5 Eskholm (9,10) in region-3.
/// </summary>
internal static class TestWorld
{
    public const int Width = 16;
    public const int Height = 12;
    public const ushort SeaLevel = 60;

    public static readonly GridPoint[] LakeCells = [new(10, 3), new(11, 3)];

    public static bool IsSea(int x) => x <= 1;

    public static ForgeWorld Create(string seed = "fixture")
    {
        var world = new ForgeWorld(ForgeSeed.Parse(seed), new WorldParameters { Width = Width, Height = Height });
        var cells = Width * Height;
        var elevation = new ushort[cells];
        var temperature = new sbyte[cells];
        var moisture = new byte[cells];
        var biomes = new byte[cells];
        var regions = new int[cells];
        var lakeCells = new int[cells];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = (y * Width) + x;
                elevation[i] = (ushort)(IsSea(x) ? 40 : 100 + (x * 10) + y);
                temperature[i] = (sbyte)(20 - y);
                moisture[i] = (byte)(5 * x);
                biomes[i] = (byte)(IsSea(x) ? Biome.Ocean : x == 2 ? Biome.Beach : x < 8 ? Biome.Grassland : Biome.TemperateForest);
                regions[i] = IsSea(x) ? 0 : x < 8 ? 1 : y <= 5 ? 2 : 3;
            }
        }

        foreach (var lake in LakeCells)
        {
            lakeCells[(lake.Y * Width) + lake.X] = 1;
            biomes[(lake.Y * Width) + lake.X] = (byte)Biome.Wetland;
        }

        world.Heightmap = new Heightmap(Width, Height, SeaLevel, elevation);
        world.Climate = new ClimateMap(Width, Height, temperature, moisture);
        world.Biomes = new BiomeMap(Width, Height, biomes);
        world.Hydrology = new Hydrology(
            Width,
            Height,
            new int[cells],
            lakeCells,
            [new River("river-1", "Silverrun", [new(15, 0), new(14, 1), new(13, 2), new(12, 3), new(11, 3)], RiverMouth.Lake, "lake-1", 9)],
            [new Lake("lake-1", "Mirrormere", new(10, 3), 2, 150)]);
        world.RegionMap = new RegionMap(Width, Height, regions);

        world.Settlements =
        [
            Settlement("settlement-1", "Ashford", 2, 4, 5000, "maritime", Biome.Beach, "region-1", "faction-1", capital: true, coastal: true),
            Settlement("settlement-2", "Brindle", 5, 8, 300, "sylvan", Biome.Grassland, "region-1", "faction-1"),
            Settlement("settlement-3", "Corvale", 12, 2, 12000, "imperial", Biome.TemperateForest, "region-2", "faction-2", capital: true, freshWater: true),
            Settlement("settlement-4", "Dunmere", 12, 8, 2000, "nordic", Biome.TemperateForest, "region-3", "faction-3", capital: true),
            Settlement("settlement-5", "Eskholm", 9, 10, 80, "nordic", Biome.TemperateForest, "region-3", "faction-3"),
            Settlement("settlement-6", "Ash", 6, 1, 50, "sylvan", Biome.Grassland, "region-1", "faction-1"),
        ];
        world.Roads =
        [
            Road("road-1", world, "settlement-1", "settlement-2"),
            Road("road-2", world, "settlement-1", "settlement-3"),
            Road("road-3", world, "settlement-3", "settlement-4"),
            Road("road-4", world, "settlement-4", "settlement-5"),
        ];
        world.Regions =
        [
            new Region("region-1", "Westmarch", "settlement-1", "faction-1", Biome.Grassland, 72),
            new Region("region-2", "Northwood", "settlement-3", "faction-2", Biome.TemperateForest, 48),
            new Region("region-3", "Southfen", "settlement-4", "faction-3", Biome.TemperateForest, 48),
        ];
        world.Factions =
        [
            new Faction("faction-1", "Ash Crown", "maritime", "settlement-1", 0xAA3322, [new("faction-2", -40, "rival"), new("faction-3", 10, "neutral")]),
            new Faction("faction-2", "Corvale League", "imperial", "settlement-3", 0x2244AA, [new("faction-1", -40, "rival"), new("faction-3", 60, "friendly")]),
            new Faction("faction-3", "Fen Kin", "nordic", "settlement-4", 0x33AA44, [new("faction-1", 10, "neutral"), new("faction-2", 60, "friendly")]),
        ];
        world.Npcs =
        [
            Npc("npc-1", "Ada Vell", "settlement-1", "faction-1", ["brave", "honest"], [new("npc-2", "sibling"), new("npc-3", "rival")]),
            Npc("npc-2", "Bram Vell", "settlement-1", "faction-1", ["greedy", "loyal"], [new("npc-1", "sibling")]),
            Npc("npc-3", "Cora Anth", "settlement-3", "faction-2", ["cunning", "proud"], [new("npc-1", "rival"), new("npc-4", "friend")]),
            Npc("npc-4", "Dag Orm", "settlement-4", "faction-3", ["calm", "pious"], [new("npc-3", "friend")]),
            Npc("npc-5", "Edda Orm", "settlement-5", "faction-3", ["curious", "shy"], []),
        ];
        world.PointsOfInterest =
        [
            new PointOfInterest("poi-1", "ruin", "Old Mill", new(4, 6), "region-1",
                new QuestHook("Ada of Ashford says the Old Mill hides a map to Corvale.", ["npc-1"], ["settlement-1", "settlement-3"], null)),
            new PointOfInterest("poi-2", "lair", "Fen Lair", new(13, 9), "region-3",
                new QuestHook("Dunmere fears the lair; Dag Orm pays for its head.", ["npc-4"], ["settlement-4"], "species-1")),
        ];
        return world;
    }

    /// <summary>Every layer and list of <paramref name="world"/> as text, so two worlds can be compared whole.</summary>
    public static string Dump(ForgeWorld world)
    {
        var text = new StringBuilder();
        text.AppendLine(Convert.ToHexString(world.Heightmap?.ToBytes() ?? []));
        text.AppendLine(Convert.ToHexString(world.Biomes is null ? [] : world.Biomes.Cells));
        text.AppendLine(JsonSerializer.Serialize(world.Settlements));
        text.AppendLine(JsonSerializer.Serialize(world.Roads));
        text.AppendLine(JsonSerializer.Serialize(world.Regions));
        text.AppendLine(JsonSerializer.Serialize(world.Factions));
        text.AppendLine(JsonSerializer.Serialize(world.Npcs));
        text.AppendLine(JsonSerializer.Serialize(world.PointsOfInterest));
        return text.ToString();
    }

    public static Settlement Settlement(string id, string name, int x, int y, int population, string culture, Biome biome, string region, string faction, bool capital = false, bool coastal = false, bool freshWater = false) => new()
    {
        Id = id,
        Name = name,
        Location = new GridPoint(x, y),
        Size = population >= 10000 ? SettlementSize.City : population >= 1000 ? SettlementSize.Town : population >= 100 ? SettlementSize.Village : SettlementSize.Hamlet,
        Population = population,
        Culture = culture,
        Biome = biome,
        Coastal = coastal,
        FreshWater = freshWater,
        RegionId = region,
        FactionId = faction,
        IsCapital = capital,
    };

    private static Npc Npc(string id, string name, string settlement, string faction, string[] traits, NpcRelationship[] relationships) => new()
    {
        Id = id,
        Name = name,
        Culture = "nordic",
        SettlementId = settlement,
        Role = "smith",
        Traits = traits,
        FactionId = faction,
        Age = 30,
        Relationships = relationships,
    };

    /// <summary>A road along the straight 8-connected line between the two settlements.</summary>
    private static Road Road(string id, ForgeWorld world, string from, string to)
    {
        var a = world.Settlements.Single(s => s.Id == from).Location;
        var b = world.Settlements.Single(s => s.Id == to).Location;
        var path = new List<GridPoint> { a };
        var p = a;
        while (p != b)
        {
            p = new GridPoint(p.X + Math.Sign(b.X - p.X), p.Y + Math.Sign(b.Y - p.Y));
            path.Add(p);
        }

        return new Road(id, from, to, path, path.Count * 10);
    }
}
