using System.Globalization;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// The lists of a world document. Ids must be unique within their list, cells inside the map, and references that the
/// world model guarantees (a road's ends, an NPC's home, a settlement's region and faction, a river's lake, a region's
/// faction, a faction's relations, a point of interest's region) must name something that exists. Quest hooks, NPC
/// relationships, region seats and faction capitals are not checked: a delete_settlement override removes a
/// settlement with its roads and people, but a hook or a rival elsewhere may still name them.
/// </summary>
internal sealed partial class WorldDocumentReader
{
    private void ReadLists(JsonFields root, ForgeWorld world)
    {
        int w = world.Width, h = world.Height;
        var settlements = Items(root, "settlements", (f, _) => new Settlement
        {
            Biome = f.Biome("biome"),
            Coastal = f.Bool("coastal"),
            Culture = f.String("culture"),
            FactionId = f.OptionalString("factionId"),
            FreshWater = f.Bool("freshWater"),
            Id = f.String("id"),
            IsCapital = f.Bool("isCapital"),
            Location = f.Point("location", w, h),
            Name = f.String("name"),
            Population = f.Int("population", 0),
            RegionId = f.OptionalString("regionId"),
            Size = SettlementSize(f),
        });
        var roads = Items(root, "roads", (f, _) => new Road(f.String("id"), f.String("from"), f.String("to"), Path(f, w, h), f.Int("cost", 0)));
        var lakes = Items(root, "lakes", (f, _) => new Lake(f.String("id"), f.String("name"), f.Point("centre", w, h), f.Int("cells", 1), f.Int("surface", 0, ushort.MaxValue)));
        var rivers = Items(root, "rivers", (f, _) =>
        {
            var mouth = RiverMouth(f);
            var lakeId = f.OptionalString("lakeId");
            if ((mouth == World.RiverMouth.Lake) != (lakeId is not null))
            {
                f.Fail(f.PathOf("lakeId"), mouth == World.RiverMouth.Lake ? "missing; the river ends in a lake." : "only a river whose mouth is \"lake\" has one.");
            }

            return new River(f.String("id"), f.String("name"), Path(f, w, h), mouth, lakeId, f.Int("flow", 0));
        });
        var regions = Items(root, "regions", (f, _) => new Region(f.String("id"), f.String("name"), f.String("seatId"), f.String("factionId"), f.Biome("biome"), f.Int("cells", 0)));
        var factions = Items(root, "factions", (f, path) => new Faction(
            f.String("id"),
            f.String("name"),
            f.String("culture"),
            f.String("capitalId"),
            Color(f),
            Items(f, "relations", (r, _) => new FactionRelation(r.String("factionId"), r.Int("standing", -100, 100), r.String("stance")))));
        var npcs = Items(root, "npcs", (f, _) => new Npc
        {
            Age = f.Int("age", 0),
            Culture = f.String("culture"),
            FactionId = f.OptionalString("factionId"),
            Id = f.String("id"),
            Name = f.String("name"),
            Relationships = Items(f, "relationships", (r, _) => new NpcRelationship(r.String("npcId"), r.String("kind"))),
            Role = f.String("role"),
            SettlementId = f.String("settlementId"),
            Traits = f.Strings("traits"),
        });
        var bestiary = Items(root, "bestiary", (f, _) => new Species
        {
            Behaviours = f.Strings("behaviours"),
            Biomes = Biomes(f),
            Family = f.String("family"),
            Genes = Items(f, "genes", (g, _) => new GeneRange(g.String("name"), g.Int("min"), g.Int("max"))),
            Id = f.String("id"),
            Name = f.String("name"),
            Stats = Stats(f.Object("stats")!),
            Threat = f.Int("threat", 1, 10),
        });
        var pois = Items(root, "pointsOfInterest", (f, _) =>
        {
            var hook = f.Object("hook")!;
            var quest = new QuestHook(hook.String("text"), hook.Strings("npcIds"), hook.Strings("settlementIds"), hook.OptionalString("speciesId"));
            hook.RejectUnknown();
            return new PointOfInterest(f.String("id"), f.String("kind"), f.String("name"), f.Point("location", w, h), f.OptionalString("regionId"), quest);
        });

        var settlementIds = Ids(root, "settlements", settlements, s => s.Id);
        Ids(root, "roads", roads, r => r.Id);
        var lakeIds = Ids(root, "lakes", lakes, l => l.Id);
        Ids(root, "rivers", rivers, r => r.Id);
        var regionIds = Ids(root, "regions", regions, r => r.Id);
        var factionIds = Ids(root, "factions", factions, f => f.Id);
        Ids(root, "npcs", npcs, n => n.Id);
        Ids(root, "bestiary", bestiary, s => s.Id);
        Ids(root, "pointsOfInterest", pois, p => p.Id);

        for (var i = 0; i < settlements.Count; i++)
        {
            Refers(root, $"settlements[{i}].regionId", settlements[i].RegionId, regionIds);
            Refers(root, $"settlements[{i}].factionId", settlements[i].FactionId, factionIds);
        }

        for (var i = 0; i < roads.Count; i++)
        {
            Refers(root, $"roads[{i}].from", roads[i].From, settlementIds);
            Refers(root, $"roads[{i}].to", roads[i].To, settlementIds);
        }

        for (var i = 0; i < rivers.Count; i++)
        {
            Refers(root, $"rivers[{i}].lakeId", rivers[i].LakeId, lakeIds);
        }

        for (var i = 0; i < regions.Count; i++)
        {
            // An empty faction is "none": a world without settlements has regions but no factions.
            Refers(root, $"regions[{i}].factionId", regions[i].FactionId.Length == 0 ? null : regions[i].FactionId, factionIds);
        }

        for (var i = 0; i < factions.Count; i++)
        {
            for (var j = 0; j < factions[i].Relations.Count; j++)
            {
                Refers(root, $"factions[{i}].relations[{j}].factionId", factions[i].Relations[j].FactionId, factionIds);
            }
        }

        for (var i = 0; i < npcs.Count; i++)
        {
            Refers(root, $"npcs[{i}].settlementId", npcs[i].SettlementId, settlementIds);
            Refers(root, $"npcs[{i}].factionId", npcs[i].FactionId, factionIds);
        }

        for (var i = 0; i < pois.Count; i++)
        {
            Refers(root, $"pointsOfInterest[{i}].regionId", pois[i].RegionId, regionIds);
        }

        if (world.RegionMap is { } regionMap)
        {
            CheckIndexLayer(root, "layers.regions.data", regionMap.Cells, regions.Count, "regions");
        }

        if (_flow is not null && _lakeCells is not null)
        {
            CheckIndexLayer(root, "layers.lakes.data", _lakeCells, lakes.Count, "lakes");
            world.Hydrology = new Hydrology(w, h, _flow, _lakeCells, rivers, lakes);
        }
        else if (rivers.Count > 0 || lakes.Count > 0)
        {
            root.Fail(rivers.Count > 0 ? "rivers" : "lakes", "a world without flow and lakes layers has no rivers or lakes.");
        }

        world.Settlements = settlements;
        world.Roads = roads;
        world.Regions = regions;
        world.Factions = factions;
        world.Npcs = npcs;
        world.Bestiary = bestiary;
        world.PointsOfInterest = pois;
    }

    private static List<T> Items<T>(JsonFields parent, string name, Func<JsonFields, string, T> read)
    {
        var items = parent.Array(name);
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{parent.PathOf(name)}[{i}]";
            var fields = JsonFields.Open(items[i], path, null)!;
            result.Add(read(fields, path));
            fields.RejectUnknown();
        }

        return result;
    }

    private static HashSet<string> Ids<T>(JsonFields root, string list, IReadOnlyList<T> items, Func<T, string> id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (id(items[i]).Length == 0 || !seen.Add(id(items[i])))
            {
                root.Fail($"{list}[{i}].id", id(items[i]).Length == 0 ? "must not be empty." : $"\"{id(items[i])}\" is used twice in {list}.");
            }
        }

        return seen;
    }

    private static void Refers(JsonFields root, string path, string? id, HashSet<string> ids)
    {
        if (id is not null && !ids.Contains(id))
        {
            root.Fail(path, $"\"{id}\" names nothing in the world.");
        }
    }

    private static void CheckIndexLayer(JsonFields root, string path, ReadOnlySpan<int> cells, int count, string list)
    {
        var beyond = cells.IndexOfAnyExceptInRange(0, count);
        if (beyond >= 0)
        {
            root.Fail(path, $"cell {beyond} holds {cells[beyond]}, but there are {count} {list} (0 means none, 1-based otherwise).");
        }
    }

    private static IReadOnlyList<GridPoint> Path(JsonFields f, int width, int height)
    {
        var items = f.Array("path");
        var path = f.PathOf("path");
        if (items.Count == 0 || items.Count % 2 != 0)
        {
            f.Fail(path, $"expected a flat [x,y,x,y,...] list of at least one cell; got {items.Count} numbers.");
        }

        var points = new GridPoint[items.Count / 2];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new GridPoint(
                f.AsInt(items[2 * i], $"{path}[{2 * i}]", 0, width - 1),
                f.AsInt(items[(2 * i) + 1], $"{path}[{(2 * i) + 1}]", 0, height - 1));
        }

        return points;
    }

    private static IReadOnlyList<Biome> Biomes(JsonFields f)
    {
        var items = f.Array("biomes");
        var biomes = new Biome[items.Count];
        for (var i = 0; i < biomes.Length; i++)
        {
            biomes[i] = f.AsBiome(items[i], $"{f.PathOf("biomes")}[{i}]");
        }

        return biomes;
    }

    private static SpeciesStats Stats(JsonFields s)
    {
        var stats = new SpeciesStats(s.Int("health", 0), s.Int("attack", 0), s.Int("defense", 0), s.Int("speed", 0), s.Int("perception", 0));
        s.RejectUnknown();
        return stats;
    }

    private static SettlementSize SettlementSize(JsonFields f)
    {
        var name = f.String("size");
        foreach (var size in Enum.GetValues<SettlementSize>())
        {
            if (WorldDocument.SettlementSizeName(size) == name)
            {
                return size;
            }
        }

        f.Fail(f.PathOf("size"), $"unknown size \"{name}\"; expected hamlet, village, town or city.");
        return default;
    }

    private static RiverMouth RiverMouth(JsonFields f)
    {
        var name = f.String("mouth");
        foreach (var mouth in Enum.GetValues<RiverMouth>())
        {
            if (WorldDocument.RiverMouthName(mouth) == name)
            {
                return mouth;
            }
        }

        f.Fail(f.PathOf("mouth"), $"unknown mouth \"{name}\"; expected sea, lake or river.");
        return default;
    }

    private static int Color(JsonFields f)
    {
        var text = f.String("color");
        if (text.Length == 7 && text[0] == '#' && text.AsSpan(1).IndexOfAnyExcept("0123456789abcdef") < 0)
        {
            return int.Parse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        f.Fail(f.PathOf("color"), $"expected \"#rrggbb\" in lower-case hex; got \"{text}\".");
        return 0;
    }
}
