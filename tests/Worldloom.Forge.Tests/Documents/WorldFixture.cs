using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Documents;

/// <summary>
/// A small hand-made world with every layer and list filled, so document and rendering tests cover what the later
/// stages will produce: a 64×64 map with an island (forest west, grassland middle, desert east, a peak), a lake fed by one river and
/// drained by another to the sea, three regions of two factions, four settlements (one per size, two capitals, names
/// that need escaping), two roads, three NPCs, two species and two points of interest.
/// </summary>
public static class WorldFixture
{
    public const int Width = 64;
    public const int Height = 64;
    public const ushort SeaLevel = 32767;

    public static GridPoint CityCell => new(20, 24);

    public static GridPoint LakeCentre => new(27, 21);

    public static ForgeWorld Create()
    {
        var world = new ForgeWorld(ForgeSeed.Parse("fixture island"), new WorldParameters { Width = Width, Height = Height, FactionCount = 2, Preset = WorldPreset.Continent });
        var elevation = new ushort[Width * Height];
        var temperature = new sbyte[Width * Height];
        var moisture = new byte[Width * Height];
        var biomes = new byte[Width * Height];
        var regions = new int[Width * Height];
        var lakeCells = new int[Width * Height];
        var flow = new int[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var i = (y * Width) + x;
                int dx = x - 32, dy = y - 24;
                var e = 56000 - (((dx * dx) + (dy * dy)) * 60) + (((x * 7) + (y * 13)) % 11 * 100);
                int px = x - 42, py = y - 18;
                e += Math.Max(0, 9000 - (((px * px) + (py * py)) * 900));
                elevation[i] = (ushort)Math.Clamp(e, 0, 65535);
                temperature[i] = (sbyte)(30 - (y / 2) - Math.Max(0, (e - SeaLevel) / 2000));
                moisture[i] = (byte)(100 - (x * 100 / (Width - 1)));
                var land = elevation[i] > SeaLevel;
                biomes[i] = (byte)(!land ? (e < SeaLevel - 3000 ? Biome.Ocean : Biome.ShallowSea)
                    : e < SeaLevel + 800 ? Biome.Beach
                    : e > 58000 ? Biome.Alpine
                    : x < 26 ? Biome.TemperateForest
                    : x < 40 ? Biome.Grassland
                    : Biome.Desert);
                regions[i] = !land ? 0 : x < 26 ? 1 : x < 40 ? 2 : 3;
                flow[i] = land ? 1 : 0;
            }
        }

        for (var y = LakeCentre.Y - 1; y <= LakeCentre.Y + 1; y++)
        {
            for (var x = LakeCentre.X - 1; x <= LakeCentre.X + 1; x++)
            {
                lakeCells[(y * Width) + x] = 1;
                biomes[(y * Width) + x] = (byte)Biome.Wetland;
            }
        }

        var inflow = Line(new GridPoint(41, 15), new GridPoint(LakeCentre.X + 1, LakeCentre.Y));
        var outflow = Line(new GridPoint(LakeCentre.X - 1, LakeCentre.Y), new GridPoint(8, 25));
        for (var k = 0; k < inflow.Count; k++)
        {
            flow[(inflow[k].Y * Width) + inflow[k].X] += 4 + (6 * k);
        }

        for (var k = 0; k < outflow.Count; k++)
        {
            flow[(outflow[k].Y * Width) + outflow[k].X] += 120 + (10 * k);
        }

        world.Heightmap = new Heightmap(Width, Height, SeaLevel, elevation);
        world.Climate = new ClimateMap(Width, Height, temperature, moisture);
        world.Biomes = new BiomeMap(Width, Height, biomes);
        world.Hydrology = new Hydrology(
            Width,
            Height,
            flow,
            lakeCells,
            [
                new River("river-1", "Silverrun", inflow, RiverMouth.Lake, "lake-1", 4 + (6 * (inflow.Count - 1))),
                new River("river-2", "Greywater", outflow, RiverMouth.Sea, null, 120 + (10 * (outflow.Count - 1))),
            ],
            [new Lake("lake-1", "Mirrormere", LakeCentre, 9, 40000)]);

        world.Settlements =
        [
            Place("settlement-1", "Aldmere", CityCell, SettlementSize.City, 24000, "sylvan", Biome.TemperateForest, "region-1", "faction-1", capital: true, fresh: true),
            Place("settlement-2", "The \"Old\" Ford", new GridPoint(33, 26), SettlementSize.Town, 3200, "sylvan", Biome.Grassland, "region-2", "faction-1", capital: false, fresh: true),
            Place("settlement-3", "Qasr al-Ramla", new GridPoint(46, 24), SettlementSize.Village, 640, "desert", Biome.Desert, "region-3", "faction-2", capital: true, fresh: false),
            Place("settlement-4", "Skål\tVik 🐺", new GridPoint(24, 11), SettlementSize.Hamlet, 60, "nordic", Biome.TemperateForest, "region-1", "faction-1", capital: false, fresh: false) with { Coastal = true },
        ];
        world.Roads =
        [
            new Road("road-1", "settlement-1", "settlement-2", Line(CityCell, new GridPoint(33, 26)), 140),
            new Road("road-2", "settlement-2", "settlement-3", Line(new GridPoint(33, 26), new GridPoint(46, 24)), 95),
        ];
        world.RegionMap = new RegionMap(Width, Height, regions);
        world.Regions =
        [
            new Region("region-1", "Westmarch", "settlement-1", "faction-1", Biome.TemperateForest, Count(regions, 1)),
            new Region("region-2", "Midvale", "settlement-2", "faction-1", Biome.Grassland, Count(regions, 2)),
            new Region("region-3", "Sunreach", "settlement-3", "faction-2", Biome.Desert, Count(regions, 3)),
        ];
        world.Factions =
        [
            new Faction("faction-1", "Crown of Aldmere", "sylvan", "settlement-1", 0x3366cc, [new FactionRelation("faction-2", -40, "rival")]),
            new Faction("faction-2", "Sand Compact", "desert", "settlement-3", 0xd08030, [new FactionRelation("faction-1", -40, "rival")]),
        ];
        world.Npcs =
        [
            Person("npc-1", "Elwen Ashglen", "sylvan", "settlement-1", "faction-1", "innkeeper", 41, ["greedy", "honest"], [new NpcRelationship("npc-2", "sibling"), new NpcRelationship("npc-3", "rival")]),
            Person("npc-2", "Faelis Ashglen", "sylvan", "settlement-1", "faction-1", "blacksmith", 37, ["brave", "stubborn"], [new NpcRelationship("npc-1", "sibling")]),
            Person("npc-3", "Zaid ibn Qadir", "desert", "settlement-3", "faction-2", "guard captain", 52, ["cunning", "loyal", "patient"], [new NpcRelationship("npc-1", "rival")]),
        ];
        world.Bestiary =
        [
            new Species
            {
                Id = "species-1", Name = "Ash Wolf", Family = "wolf", Biomes = [Biome.Grassland, Biome.TemperateForest],
                Stats = new SpeciesStats(40, 8, 3, 14, 12), Behaviours = ["nocturnal", "pack_hunter"],
                Genes = [new GeneRange("colour_hue", 0, 40), new GeneRange("size", 80, 120)], Threat = 4,
            },
            new Species
            {
                Id = "species-2", Name = "Dune Drake", Family = "drake", Biomes = [Biome.Desert],
                Stats = new SpeciesStats(220, 30, 12, 9, 20), Behaviours = ["territorial"],
                Genes = [new GeneRange("size", 150, 260)], Threat = 9,
            },
        ];
        world.PointsOfInterest =
        [
            new PointOfInterest("poi-1", "lair", "The Glass Pit", new GridPoint(48, 28), "region-3",
                new QuestHook("Zaid ibn Qadir of Qasr al-Ramla pays for the head of the Dune Drake in the Glass Pit.", ["npc-3"], ["settlement-3"], "species-2")),
            new PointOfInterest("poi-2", "ruin", "Old Watchtower", new GridPoint(30, 30), "region-2",
                new QuestHook("Elwen Ashglen says a light burns again in the Old Watchtower.", ["npc-1"], ["settlement-1"], null)),
        ];
        return world;
    }

    public static IReadOnlyList<WorldOverride> Overrides() =>
    [
        new RenameSettlement("settlement-2", "Fordham"),
        new MoveSettlement("settlement-4", new GridPoint(25, 12)),
        new SetRegionBiome("region-3", Biome.Savanna),
        new SetRegionFaction("region-2", "faction-2"),
        new PinNpcTraits("npc-1", ["greedy", "honest"]),
        new AddPointOfInterest("shrine", "Moonwell", new GridPoint(22, 30), "A pilgrim asks for an escort to the Moonwell."),
        new AddPointOfInterest("cave", "Dark Hollow", new GridPoint(36, 18), null),
        new SetCellBiome(new GridPoint(30, 24), Biome.Wetland),
        new DeleteSettlement("settlement-4"),
    ];

    /// <summary>Cells from <paramref name="from"/> to <paramref name="to"/>, each an 8-neighbour of the last (diagonal first).</summary>
    public static List<GridPoint> Line(GridPoint from, GridPoint to)
    {
        var path = new List<GridPoint> { from };
        var at = from;
        while (at != to)
        {
            at = new GridPoint(at.X + Math.Sign(to.X - at.X), at.Y + Math.Sign(to.Y - at.Y));
            path.Add(at);
        }

        return path;
    }

    private static int Count(int[] cells, int index) => cells.Count(c => c == index);

    private static Settlement Place(string id, string name, GridPoint at, SettlementSize size, int population, string culture, Biome biome, string region, string faction, bool capital, bool fresh) => new()
    {
        Id = id, Name = name, Location = at, Size = size, Population = population, Culture = culture, Biome = biome,
        RegionId = region, FactionId = faction, IsCapital = capital, FreshWater = fresh,
    };

    private static Npc Person(string id, string name, string culture, string settlement, string faction, string role, int age, string[] traits, NpcRelationship[] ties) => new()
    {
        Id = id, Name = name, Culture = culture, SettlementId = settlement, FactionId = faction, Role = role, Age = age,
        Traits = traits, Relationships = ties,
    };
}
