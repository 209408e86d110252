using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>The ties between NPCs. Every tie is written on both ends at once, so the two ends always agree.</summary>
public sealed partial class NpcStage
{
    /// <summary>How many nearest neighbours of each settlement may get a tie across to it.</summary>
    public const int NeighbourTies = 2;

    /// <summary>
    /// Families, in position order: a person of 18 or more may head a household with a spouse of like age (within 12
    /// years) and up to two children whom both parents outlive by <see cref="MinParentGap"/>–<see cref="MaxParentGap"/>
    /// years; a head with neither may have a sibling instead. Everyone belongs to at most one household, so nobody has
    /// two spouses or a parent who is also their sibling.
    /// </summary>
    private static List<List<Person>> FormHouseholds(List<Person> local, bool[] tied, ChaChaRng rng)
    {
        var households = new List<List<Person>>();
        var candidates = new List<Person>();
        foreach (var head in local)
        {
            if (head.House != HouseRole.None || head.Age < 18 || rng.NextInt(2) == 0)
            {
                continue;
            }

            var house = new List<Person> { head };
            head.House = HouseRole.Head;
            if (rng.NextInt(3) != 0)
            {
                Free(local, candidates, p => p != head && p.Age >= 18 && Math.Abs(p.Age - head.Age) <= 12);
                if (candidates.Count > 0)
                {
                    var spouse = Pick(candidates, rng);
                    spouse.House = HouseRole.Spouse;
                    house.Add(spouse);
                    Tie(local, tied, head, spouse, "spouse", "spouse");
                }
            }

            var youngest = house.Min(p => p.Age);
            var oldest = house.Max(p => p.Age);
            Free(local, candidates, p => p.Age <= youngest - MinParentGap && p.Age >= oldest - MaxParentGap);
            for (var children = Math.Min(candidates.Count, rng.NextInt(3)); children > 0; children--)
            {
                var child = candidates[rng.NextInt(candidates.Count)];
                candidates.Remove(child);
                foreach (var member in house)
                {
                    if (member.House == HouseRole.Child)
                    {
                        Tie(local, tied, child, member, "sibling", "sibling");
                    }
                    else
                    {
                        Tie(local, tied, child, member, "parent", "child");
                    }
                }

                child.House = HouseRole.Child;
                house.Add(child);
            }

            if (house.Count == 1 && rng.NextInt(2) == 0)
            {
                Free(local, candidates, p => p != head && Math.Abs(p.Age - head.Age) <= 12);
                if (candidates.Count > 0)
                {
                    var sibling = Pick(candidates, rng);
                    sibling.House = HouseRole.Sibling;
                    house.Add(sibling);
                    Tie(local, tied, head, sibling, "sibling", "sibling");
                }
            }

            if (house.Count == 1)
            {
                head.House = HouseRole.None;
            }
            else
            {
                households.Add(house);
            }
        }

        return households;
    }

    /// <summary>Mentors, employers, friends and rivals inside one settlement; at most one tie per pair.</summary>
    private static void TieWithin(List<Person> local, bool[] tied, ChaChaRng rng)
    {
        var candidates = new List<Person>();
        foreach (var student in local)
        {
            // Apprentices learn from any master of a craft; other young people now and then from an elder of their own trade.
            var apprentice = student.Role.Name == "apprentice";
            if (!apprentice && (student.Age > 25 || !NpcRoles.Teaches(student.Role.Name) || rng.NextInt(3) != 0))
            {
                continue;
            }

            Free(local, candidates, p => p != student && p.Age >= student.Age + 10 && !IsTied(local, tied, p, student)
                && NpcRoles.Teaches(p.Role.Name) && (apprentice || p.Role.Name == student.Role.Name), anyHouse: true);
            if (candidates.Count > 0)
            {
                Tie(local, tied, student, Pick(candidates, rng), "mentor", "student");
            }
        }

        foreach (var worker in local)
        {
            foreach (var employerRole in NpcRoles.EmployersOf(worker.Role.Name))
            {
                Free(local, candidates, p => p != worker && p.Role.Name == employerRole && !IsTied(local, tied, p, worker), anyHouse: true);
                if (candidates.Count > 0)
                {
                    Tie(local, tied, worker, Pick(candidates, rng), "employer", "employee");
                    break;
                }
            }
        }

        var n = local.Count;
        PairUp(local, tied, rng.NextInt(n / 4, (n / 2) + 1), "friend", rng);
        PairUp(local, tied, rng.NextInt((n / 6) + 1), "rival", rng);
    }

    private static void PairUp(List<Person> local, bool[] tied, int pairs, string kind, ChaChaRng rng)
    {
        // A bounded number of tries: a small, closely knit settlement may have no untied pair left.
        for (var tries = pairs * 4; pairs > 0 && tries > 0; tries--)
        {
            var a = local[rng.NextInt(local.Count)];
            var b = local[rng.NextInt(local.Count)];
            if (a != b && !IsTied(local, tied, a, b))
            {
                Tie(local, tied, a, b, kind, kind);
                pairs--;
            }
        }
    }

    /// <summary>
    /// Ties across settlements: each settlement and its <see cref="NeighbourTies"/> nearest others form pairs, handled
    /// in (lower index, higher index) order. Neighbours held by factions at war or rivals always get a pair of rival
    /// NPCs; other neighbours get a pair of friends one time in four.
    /// </summary>
    private static void TieNeighbours(IReadOnlyList<Settlement> settlements, IReadOnlyList<Faction> factions, int width, int height, List<Person> people, int[] firstOf, ChaChaRng rng)
    {
        if (settlements.Count < 2 || width < 1 || height < 1)
        {
            return;
        }

        var stances = new Dictionary<(string, string), string>();
        foreach (var faction in factions)
        {
            foreach (var relation in faction.Relations)
            {
                stances[(faction.Id, relation.FactionId)] = relation.Stance;
            }
        }

        var index = new SettlementIndex(settlements.Select(s => s.Location).ToList(), width, height);
        var pairs = new List<(int A, int B)>();
        Span<int> nearest = stackalloc int[NeighbourTies];
        for (var s = 0; s < settlements.Count; s++)
        {
            var found = index.Nearest(settlements[s].Location, nearest, exclude: s);
            for (var k = 0; k < found; k++)
            {
                pairs.Add((Math.Min(s, nearest[k]), Math.Max(s, nearest[k])));
            }
        }

        pairs.Sort();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            if ((i > 0 && pairs[i - 1] == pairs[i]) || firstOf[a] == firstOf[a + 1] || firstOf[b] == firstOf[b + 1])
            {
                continue;
            }

            var stance = settlements[a].FactionId is { } fa && settlements[b].FactionId is { } fb && fa != fb
                && stances.TryGetValue((fa, fb), out var found) ? found : null;
            var hostile = stance is "war" or "rival";
            if (!hostile && rng.NextInt(4) != 0)
            {
                continue;
            }

            var one = people[rng.NextInt(firstOf[a], firstOf[a + 1])];
            var other = people[rng.NextInt(firstOf[b], firstOf[b + 1])];
            var kind = hostile ? "rival" : "friend";
            one.Ties.Add((other.Index, kind));
            other.Ties.Add((one.Index, kind));
        }
    }

    /// <summary>Fills <paramref name="into"/> with the people of <paramref name="local"/> (in order) that <paramref name="fits"/> and, unless <paramref name="anyHouse"/>, belong to no household yet.</summary>
    private static void Free(List<Person> local, List<Person> into, Func<Person, bool> fits, bool anyHouse = false)
    {
        into.Clear();
        foreach (var p in local)
        {
            if ((anyHouse || p.House == HouseRole.None) && fits(p))
            {
                into.Add(p);
            }
        }
    }

    private static bool IsTied(List<Person> local, bool[] tied, Person a, Person b) =>
        tied[((a.Index - local[0].Index) * local.Count) + (b.Index - local[0].Index)];

    /// <summary>Ties <paramref name="a"/> to <paramref name="b"/>: <paramref name="a"/> lists <paramref name="b"/> as <paramref name="whatBIsToA"/>, and the other way round.</summary>
    private static void Tie(List<Person> local, bool[] tied, Person a, Person b, string whatBIsToA, string whatAIsToB)
    {
        int ia = a.Index - local[0].Index, ib = b.Index - local[0].Index;
        tied[(ia * local.Count) + ib] = true;
        tied[(ib * local.Count) + ia] = true;
        a.Ties.Add((b.Index, whatBIsToA));
        b.Ties.Add((a.Index, whatAIsToB));
    }
}
