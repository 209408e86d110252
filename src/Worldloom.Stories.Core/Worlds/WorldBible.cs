using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Worlds;

/// <summary>
/// Seeds a scene bible from a Forge world: its largest settlements become locations (biome, palette, landmarks), their
/// people become characters (role, age, temperament from traits, a voice, a look drawn per NPC from the world seed),
/// the bestiary becomes creatures, and each location's direction from its nearest neighbour becomes a rule, so the
/// map's geography is checked in every segment. Deterministic: the same world gives the same bible bytes.
/// </summary>
public static class WorldBible
{
    /// <summary>The bible of <paramref name="world"/> (after its pipeline has run), or the problems that stop it.</summary>
    public static BibleResult FromWorld(ForgeWorld world, WorldBibleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        options ??= new WorldBibleOptions();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<BibleEntity>();

        var settlements = world.Settlements
            .OrderByDescending(s => s.Population).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(options.MaxLocations).ToList();
        var locationIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var settlement in settlements)
        {
            var id = Unique(used, EntityIds.FromName(EntityKind.Location, settlement.Name, settlement.Id.Replace('-', '_')));
            locationIds[settlement.Id] = id;
            entities.Add(new BibleEntity
            {
                Id = id,
                Name = settlement.Name,
                Attributes = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["biome"] = BiomeNames.ToName(settlement.Biome) },
                Palette = WorldLooks.Palette(settlement.Biome),
                Landmarks = WorldLooks.Landmarks(settlement),
            });
        }

        foreach (var npc in world.Npcs.Where(n => locationIds.ContainsKey(n.SettlementId)).Take(options.MaxCharacters))
        {
            entities.Add(Character(world, npc, Unique(used, EntityIds.FromName(EntityKind.Character, npc.Name, npc.Id.Replace('-', '_')))));
        }

        foreach (var species in world.Bestiary.Take(options.MaxCreatures))
        {
            entities.Add(Creature(world, species, Unique(used, EntityIds.FromName(EntityKind.Creature, species.Name, species.Id.Replace('-', '_')))));
        }

        return SceneBible.Create(entities, Geography(settlements, locationIds));
    }

    private static BibleEntity Character(ForgeWorld world, Npc npc, string id)
    {
        var rng = ChaChaRng.ForStage(world.Seed.Bytes, "stories-bible/" + npc.Id);
        var (garment, item) = WorldLooks.ForRole(npc.Role);
        var old = npc.Age >= 60;
        var clothing = new List<Garment> { new(garment, Pick(rng, WorldLooks.ClothColours)) };
        if (rng.NextBool())
        {
            clothing.Add(new Garment("cloak", Pick(rng, WorldLooks.ClothColours)));
        }

        clothing.Add(new Garment("boots", Pick(rng, ["brown", "black", "tan"])));
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["age"] = WorldLooks.AgeFor(npc.Age),
            ["build"] = Pick(rng, WorldLooks.Builds),
            ["eyes"] = Pick(rng, WorldLooks.EyeColours),
            ["hair"] = old && rng.NextBool() ? "grey" : Pick(rng, WorldLooks.HairColours),
            ["pronouns"] = "they",
            ["role"] = npc.Role,
            ["species"] = "human",
        };
        if (WorldLooks.VoiceFor(npc.Traits) is { } voice)
        {
            attributes["voice"] = voice;
        }

        return new BibleEntity
        {
            Id = id,
            Name = npc.Name,
            Attributes = attributes,
            Temperament = [.. npc.Traits.Take(EntityChecks.MaxListLength)],
            Clothing = clothing,
            Items = item is null ? [] : [item],
        };
    }

    private static BibleEntity Creature(ForgeWorld world, Species species, string id)
    {
        var rng = ChaChaRng.ForStage(world.Seed.Bytes, "stories-bible/" + species.Id);
        return new BibleEntity
        {
            Id = id,
            Name = species.Name,
            Attributes = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["colour"] = Pick(rng, WorldLooks.CreatureColours),
                ["family"] = species.Family.Replace('_', ' '),
                ["pronouns"] = "it",
                ["size"] = WorldLooks.SizeFor(species.Threat),
            },
            Temperament = [.. species.Behaviours.Take(EntityChecks.MaxListLength)],
        };
    }

    // Each location's direction from its nearest other location (squared distance, ties by id), one rule per pair.
    private static List<StoryRule> Geography(List<Settlement> settlements, Dictionary<string, string> ids)
    {
        var rules = new List<StoryRule>();
        var pairs = new HashSet<(string, string)>();
        foreach (var a in settlements)
        {
            var nearest = settlements.Where(b => b.Id != a.Id && b.Location != a.Location)
                .OrderBy(b => Distance(a, b)).ThenBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault();
            if (nearest is null)
            {
                continue;
            }

            var key = string.CompareOrdinal(a.Id, nearest.Id) < 0 ? (a.Id, nearest.Id) : (nearest.Id, a.Id);
            if (!pairs.Add(key))
            {
                continue;
            }

            var direction = CompassNames.FromOffset(a.Location.X - nearest.Location.X, a.Location.Y - nearest.Location.Y);
            var text = $"{ids[a.Id]} is {CompassNames.Names.ToName(direction)} of {ids[nearest.Id]}";
            var parsed = RuleParser.Parse(text, $"geo_{rules.Count + 1}");
            rules.Add(parsed.Rule ?? throw new InvalidOperationException($"A generated rule did not parse: {parsed.Error}"));
        }

        return rules;
    }

    private static long Distance(Settlement a, Settlement b)
    {
        long dx = a.Location.X - b.Location.X;
        long dy = a.Location.Y - b.Location.Y;
        return (dx * dx) + (dy * dy);
    }

    private static string Pick(ChaChaRng rng, IReadOnlyList<string> items) => items[rng.NextInt(items.Count)];

    private static string Unique(HashSet<string> used, string id)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{id}_{n}";
        }

        return candidate;
    }
}
