using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Peopling;

public sealed class NpcStageTests
{
    private static readonly Dictionary<string, string> Mirror = new()
    {
        ["sibling"] = "sibling", ["spouse"] = "spouse", ["parent"] = "child", ["child"] = "parent", ["friend"] = "friend",
        ["rival"] = "rival", ["mentor"] = "student", ["student"] = "mentor", ["employer"] = "employee", ["employee"] = "employer",
    };

    public static TheoryData<string, WorldPreset> Worlds() => new()
    {
        { "42", WorldPreset.Continent },
        { "dragon coast", WorldPreset.Continent },
        { "-7301", WorldPreset.Archipelago },
    };

    private static int Number(string id) => int.Parse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static string Render(Npc n) =>
        $"{n.Id}|{n.Name}|{n.Culture}|{n.SettlementId}|{n.Role}|{string.Join(",", n.Traits)}|{n.FactionId}|{n.Age}|{string.Join(",", n.Relationships.Select(r => r.NpcId + ":" + r.Kind))}";

    private static IReadOnlyList<Npc> Generate(ForgeWorld world, string stream = NpcStage.StreamName) =>
        NpcStage.Generate(world.Settlements, world.Factions, world.Width, world.Height, ChaChaRng.ForStage(world.Seed.Bytes, stream));

    [Fact]
    public void SameSeed_SameNpcs()
    {
        var one = PeoplingFixture.Populated("42", 192).Npcs.Select(Render);
        var two = PeoplingFixture.Populated("42", 192).Npcs.Select(Render);

        Assert.Equal(one, two);
    }

    [Fact]
    public void OtherStream_OtherNpcs()
    {
        var world = PeoplingFixture.Shared();

        Assert.NotEqual(Generate(world).Select(Render), Generate(world, "other").Select(Render));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Counts_FollowSettlementSize(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);

        Assert.Equal(4, world.Settlements.Select(s => s.Size).Distinct().Count());
        foreach (var settlement in world.Settlements)
        {
            var (min, max) = NpcRoles.Count(settlement.Size);
            Assert.InRange(world.Npcs.Count(n => n.SettlementId == settlement.Id), min, max);
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Ids_RunConsecutively_InSettlementOrder(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var order = world.Settlements.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);

        Assert.Equal(Enumerable.Range(1, world.Npcs.Count).Select(i => $"npc-{i}"), world.Npcs.Select(n => n.Id));
        var settlementOrder = world.Npcs.Select(n => order[n.SettlementId]).ToList();
        Assert.Equal(settlementOrder.Order(), settlementOrder);
    }

    [Fact]
    public void DroppingTheLastSettlement_KeepsEveryEarlierNpc()
    {
        var world = PeoplingFixture.Shared();
        var last = world.Settlements[^1].Id;

        var fewer = NpcStage.Generate(world.Settlements.Take(world.Settlements.Count - 1).ToList(), world.Factions, world.Width, world.Height, ChaChaRng.ForStage(world.Seed.Bytes, NpcStage.StreamName));

        // Ties across settlements are drawn after everyone exists, so only who people are is compared.
        static string Who(Npc n) => $"{n.Id}|{n.Name}|{n.Role}|{n.Age}|{n.SettlementId}|{string.Join(",", n.Traits)}";
        Assert.Equal(world.Npcs.Where(n => n.SettlementId != last).Select(Who), fewer.Select(Who));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EveryRelationship_IsMirrored(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var byId = world.Npcs.ToDictionary(n => n.Id);

        foreach (var npc in world.Npcs)
        {
            foreach (var tie in npc.Relationships)
            {
                Assert.NotEqual(npc.Id, tie.NpcId);
                Assert.True(Mirror.ContainsKey(tie.Kind), $"unknown kind {tie.Kind}");
                Assert.Contains(new NpcRelationship(npc.Id, Mirror[tie.Kind]), byId[tie.NpcId].Relationships);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Relationships_SortedById_OnePerPerson(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);

        foreach (var npc in world.Npcs)
        {
            var others = npc.Relationships.Select(r => Number(r.NpcId)).ToList();
            Assert.Equal(others.Order(), others);
            Assert.Equal(others.Count, others.Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Families_HaveConsistentAges_AndLiveTogether(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var byId = world.Npcs.ToDictionary(n => n.Id);

        foreach (var npc in world.Npcs)
        {
            Assert.True(npc.Relationships.Count(r => r.Kind == "spouse") <= 1, $"{npc.Id} has two spouses");
            Assert.True(npc.Relationships.Count(r => r.Kind == "parent") <= 2, $"{npc.Id} has more than two parents");
            foreach (var tie in npc.Relationships.Where(r => r.Kind is "parent" or "child" or "sibling" or "spouse"))
            {
                Assert.Equal(npc.SettlementId, byId[tie.NpcId].SettlementId);
            }

            foreach (var parent in npc.Relationships.Where(r => r.Kind == "parent").Select(r => byId[r.NpcId]))
            {
                Assert.True(parent.Age >= npc.Age + NpcStage.MinParentGap, $"{parent.Id} ({parent.Age}) is parent of {npc.Id} ({npc.Age})");
            }

            foreach (var spouse in npc.Relationships.Where(r => r.Kind == "spouse").Select(r => byId[r.NpcId]))
            {
                Assert.True(spouse.Age >= 18 && npc.Age >= 18);
            }

            foreach (var mentor in npc.Relationships.Where(r => r.Kind == "mentor").Select(r => byId[r.NpcId]))
            {
                Assert.True(mentor.Age >= npc.Age + 10);
            }
        }
    }

    [Fact]
    public void Siblings_ShareTheirParents()
    {
        var world = PeoplingFixture.Shared();
        var byId = world.Npcs.ToDictionary(n => n.Id);
        static HashSet<string> Parents(Npc n) => n.Relationships.Where(r => r.Kind == "parent").Select(r => r.NpcId).ToHashSet();

        foreach (var npc in world.Npcs)
        {
            foreach (var sibling in npc.Relationships.Where(r => r.Kind == "sibling").Select(r => byId[r.NpcId]))
            {
                Assert.True(Parents(npc).SetEquals(Parents(sibling)), $"{npc.Id} and {sibling.Id}");
            }
        }
    }

    [Fact]
    public void EveryKindOfTie_Occurs_AndHostileNeighboursAreRivals()
    {
        var world = PeoplingFixture.Shared("42", 512);
        var byId = world.Npcs.ToDictionary(n => n.Id);
        var settlements = world.Settlements.ToDictionary(s => s.Id);
        var stance = world.Factions.SelectMany(f => f.Relations.Select(r => ((f.Id, r.FactionId), r.Stance))).ToDictionary(p => p.Item1, p => p.Stance);

        Assert.Equal(Mirror.Keys.Order(), world.Npcs.SelectMany(n => n.Relationships).Select(r => r.Kind).Distinct().Order());
        var across = world.Npcs.SelectMany(n => n.Relationships.Select(r => (n, other: byId[r.NpcId], r.Kind))).Where(t => t.n.SettlementId != t.other.SettlementId).ToList();
        Assert.NotEmpty(across);
        Assert.All(across, t => Assert.Contains(t.Kind, new[] { "friend", "rival" }));
        Assert.Contains(across, t => t.Kind == "rival" && t.n.FactionId != t.other.FactionId
            && stance[(t.n.FactionId!, t.other.FactionId!)] is "war" or "rival");
        Assert.All(across.Where(t => t.Kind == "friend"), t => Assert.False(
            t.n.FactionId != t.other.FactionId && stance[(t.n.FactionId!, t.other.FactionId!)] is "war" or "rival"));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EverySettlement_HasExactlyOneLeader_OfItsKind(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var capitals = world.Factions.Select(f => f.CapitalId).ToHashSet();

        foreach (var settlement in world.Settlements)
        {
            var leaders = world.Npcs.Where(n => n.SettlementId == settlement.Id && NpcRoles.IsLeader(n.Role)).ToList();
            var leader = Assert.Single(leaders);
            var expected = capitals.Contains(settlement.Id) ? "ruler" : settlement.Size switch
            {
                SettlementSize.Hamlet => "elder",
                SettlementSize.Village => "reeve",
                SettlementSize.Town => "mayor",
                _ => "lord",
            };
            Assert.Equal(expected, leader.Role);
        }

        Assert.Equal(world.Factions.Count, world.Npcs.Count(n => n.Role == NpcRoles.Ruler));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Traits_AreTwoOrThree_Sorted_WithoutOpposites(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);

        foreach (var npc in world.Npcs)
        {
            Assert.InRange(npc.Traits.Count, 2, 3);
            Assert.Equal(npc.Traits.Order(StringComparer.Ordinal), npc.Traits);
            Assert.Equal(npc.Traits.Count, npc.Traits.Distinct().Count());
            Assert.All(npc.Traits, t => Assert.Contains(t, NpcTraits.All));
            foreach (var (trait, opposite) in NpcTraits.Opposites)
            {
                Assert.False(npc.Traits.Contains(trait) && npc.Traits.Contains(opposite), $"{npc.Id} is {trait} and {opposite}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void PeopleBelongToTheirSettlement(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var settlements = world.Settlements.ToDictionary(s => s.Id);

        Assert.Equal(world.Npcs.Count, world.Npcs.Select(n => n.Name).Distinct().Count());
        foreach (var npc in world.Npcs)
        {
            var home = settlements[npc.SettlementId];
            Assert.Equal(home.FactionId, npc.FactionId);
            Assert.Equal(home.Culture, npc.Culture);
            var (min, max) = NpcRoles.Ages(npc.Role);
            Assert.InRange(npc.Age, min, max);
            Assert.Contains(npc.Role, NpcRoles.TableFor(home.Size, home.Coastal).Select(r => r.Name).Append(NpcRoles.LeaderOf(home.Size, npc.Role == NpcRoles.Ruler).Name));
        }
    }

    [Fact]
    public void Cities_HaveCityRoles_HamletsDoNot()
    {
        var world = PeoplingFixture.Shared("42", 512);
        var sizeOf = world.Settlements.ToDictionary(s => s.Id, s => s.Size);
        var cityOnly = new[] { "guildmaster", "magistrate", "captain of the guard", "merchant prince", "scholar", "alchemist" };

        Assert.DoesNotContain(world.Npcs, n => sizeOf[n.SettlementId] == SettlementSize.Hamlet && cityOnly.Contains(n.Role));
        Assert.True(world.Npcs.Where(n => sizeOf[n.SettlementId] == SettlementSize.City).Select(n => n.Role).Intersect(cityOnly).Count() >= 3);
    }

    [Fact]
    public void NoSettlements_NoNpcs()
    {
        var world = PeoplingFixture.Build("42", 128);
        world.Settlements = [];

        PeoplingFixture.Run(new NpcStage(), world);

        Assert.Empty(world.Npcs);
    }

    [Fact]
    public void UnknownCulture_FallsBackInsteadOfFailing()
    {
        var world = PeoplingFixture.Build("42", 128);
        world.Settlements = [world.Settlements[0] with { Culture = "atlantean" }];

        PeoplingFixture.Run(new NpcStage(), world);

        Assert.NotEmpty(world.Npcs);
        Assert.All(world.Npcs, n => Assert.Equal("atlantean", n.Culture));
    }

    [Fact]
    public void NullArguments_Throw()
    {
        var world = PeoplingFixture.Build("42", 128);

        Assert.Throws<ArgumentNullException>(() => new NpcStage().Run(null!, ChaChaRng.ForStage([], "npcs")));
        Assert.Throws<ArgumentNullException>(() => new NpcStage().Run(world, null!));
    }
}
