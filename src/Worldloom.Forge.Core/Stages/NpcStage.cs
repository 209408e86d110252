using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Peoples every settlement with named NPCs: a leader, others drawn from a role table weighted by settlement size,
/// ages that fit their roles, two or three traits, and symmetric ties (families, friends, rivals, mentors,
/// employers, and a few across neighbouring settlements). Settlements are handled in list (id) order and each draws
/// everything it needs before the next, so NPC ids run consecutively, settlement by settlement.
/// </summary>
public sealed partial class NpcStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "npcs";

    /// <summary>The smallest age gap between a parent and their child.</summary>
    public const int MinParentGap = 16;

    /// <summary>The largest age gap between a parent and their child.</summary>
    public const int MaxParentGap = 45;

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        world.Npcs = Generate(world.Settlements, world.Factions, world.Width, world.Height, rng);
    }

    /// <summary>The NPCs of <paramref name="settlements"/> (in id order), drawing from <paramref name="rng"/>.</summary>
    public static IReadOnlyList<Npc> Generate(IReadOnlyList<Settlement> settlements, IReadOnlyList<Faction> factions, int width, int height, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        ArgumentNullException.ThrowIfNull(factions);
        ArgumentNullException.ThrowIfNull(rng);
        var capitals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var faction in factions)
        {
            capitals.Add(faction.CapitalId);
        }

        // Names are unique in the whole world, so a quest hook's name points at one person.
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<Person>();
        var firstOf = new int[settlements.Count + 1];
        for (var s = 0; s < settlements.Count; s++)
        {
            firstOf[s] = people.Count;
            People(settlements[s], s, capitals.Contains(settlements[s].Id) || settlements[s].IsCapital, people, usedNames, rng);
        }

        firstOf[settlements.Count] = people.Count;
        TieNeighbours(settlements, factions, width, height, people, firstOf, rng);

        var npcs = new Npc[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var settlement = settlements[p.Settlement];
            p.Ties.Sort((a, b) => a.Other.CompareTo(b.Other));
            npcs[i] = new Npc
            {
                Id = IdOf(i),
                Name = p.Name,
                Culture = settlement.Culture,
                SettlementId = settlement.Id,
                Role = p.Role.Name,
                Traits = p.Traits,
                FactionId = settlement.FactionId,
                Age = p.Age,
                Relationships = p.Ties.ConvertAll(t => new NpcRelationship(IdOf(t.Other), t.Kind)),
            };
        }

        return npcs;
    }

    /// <summary>The id of the NPC at list position <paramref name="index"/>: <c>npc-</c>(index + 1).</summary>
    public static string IdOf(int index) => "npc-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void People(Settlement settlement, int settlementIndex, bool capital, List<Person> people, HashSet<string> usedNames, ChaChaRng rng)
    {
        var culture = Cultures.Find(settlement.Culture) ?? Cultures.Imperial;
        var (min, max) = NpcRoles.Count(settlement.Size);
        var count = rng.NextInt(min, max + 1);
        var roles = DrawRoles(settlement, capital, count, rng);
        var first = people.Count;
        for (var i = 0; i < count; i++)
        {
            var role = roles[i];
            people.Add(new Person(first + i, settlementIndex, role, rng.NextInt(role.MinAge, role.MaxAge + 1), DrawTraits(rng)));
        }

        var local = people.GetRange(first, count);
        var tied = new bool[count * count];
        var households = FormHouseholds(local, tied, rng);
        GiveNames(local, households, culture, usedNames, rng);
        TieWithin(local, tied, rng);
    }

    private static NpcRole[] DrawRoles(Settlement settlement, bool capital, int count, ChaChaRng rng)
    {
        var table = NpcRoles.TableFor(settlement.Size, settlement.Coastal);
        var taken = new bool[table.Count];
        var roles = new NpcRole[count];
        roles[0] = NpcRoles.LeaderOf(settlement.Size, capital);
        for (var i = 1; i < count; i++)
        {
            var total = 0;
            for (var r = 0; r < table.Count; r++)
            {
                total += taken[r] ? 0 : table[r].Weight;
            }

            var roll = rng.NextInt(total);
            var pick = 0;
            while (taken[pick] || roll >= table[pick].Weight)
            {
                roll -= taken[pick] ? 0 : table[pick].Weight;
                pick++;
            }

            roles[i] = table[pick];
            taken[pick] = table[pick].Unique;
        }

        return roles;
    }

    private static string[] DrawTraits(ChaChaRng rng)
    {
        var all = NpcTraits.All;
        var traits = new string[rng.NextInt(2, 4)];
        for (var filled = 0; filled < traits.Length;)
        {
            var trait = all[rng.NextInt(all.Count)];
            var opposite = NpcTraits.OppositeOf(trait);
            if (Array.IndexOf(traits, trait, 0, filled) < 0 && (opposite is null || Array.IndexOf(traits, opposite, 0, filled) < 0))
            {
                traits[filled++] = trait;
            }
        }

        Array.Sort(traits, StringComparer.Ordinal);
        return traits;
    }

    private static void GiveNames(List<Person> local, List<List<Person>> households, Culture culture, HashSet<string> usedNames, ChaChaRng rng)
    {
        // Households first (in the order they formed, head first), so members can take the head's family name.
        foreach (var house in households)
        {
            var head = house[0];
            var family = NameGenerator.FamilyName(culture, rng);
            Give(head, family, culture, usedNames, rng);
            foreach (var member in house.Skip(1))
            {
                var memberFamily = member.House switch
                {
                    HouseRole.Child => NameGenerator.FamilyNameFrom(culture, head.Given, head.Family),
                    // Patronymic peoples keep their own father's name on marriage.
                    HouseRole.Spouse when culture.FamilyPattern == "patronym" => NameGenerator.FamilyName(culture, rng),
                    _ => head.Family,
                };
                Give(member, memberFamily, culture, usedNames, rng);
            }
        }

        foreach (var person in local)
        {
            if (person.Given.Length == 0)
            {
                Give(person, NameGenerator.FamilyName(culture, rng), culture, usedNames, rng);
            }
        }
    }

    private static void Give(Person person, string family, Culture culture, HashSet<string> usedNames, ChaChaRng rng)
    {
        var given = string.Empty;
        person.Name = NameGenerator.Unique(usedNames, () =>
        {
            given = NameGenerator.GivenName(culture, rng);
            return given + " " + family;
        });
        person.Given = given;
        person.Family = family;
    }

    private static T Pick<T>(List<T> options, ChaChaRng rng) => options[rng.NextInt(options.Count)];

    /// <summary>A person while the stage builds them; <see cref="Index"/> is their position in the world's list.</summary>
    private sealed class Person(int index, int settlement, NpcRole role, int age, string[] traits)
    {
        public int Index { get; } = index;

        public int Settlement { get; } = settlement;

        public NpcRole Role { get; } = role;

        public int Age { get; } = age;

        public string[] Traits { get; } = traits;

        public string Name { get; set; } = string.Empty;

        public string Given { get; set; } = string.Empty;

        public string Family { get; set; } = string.Empty;

        public HouseRole House { get; set; }

        public List<(int Other, string Kind)> Ties { get; } = [];
    }

    private enum HouseRole
    {
        None,
        Head,
        Spouse,
        Child,
        Sibling,
    }
}
