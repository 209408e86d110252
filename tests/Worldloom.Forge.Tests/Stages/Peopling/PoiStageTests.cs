using System.Text.RegularExpressions;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Peopling;

public sealed class PoiStageTests
{
    public static TheoryData<string, WorldPreset> Worlds() => new()
    {
        { "42", WorldPreset.Continent },
        { "dragon coast", WorldPreset.Continent },
        { "-7301", WorldPreset.Archipelago },
        { "peaks", WorldPreset.Highlands },
    };

    private static int Number(string id) => int.Parse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static string Render(PointOfInterest p) =>
        $"{p.Id}|{p.Kind}|{p.Name}|{p.Location}|{p.RegionId}|{p.Hook.Text}|{string.Join(",", p.Hook.NpcIds)}|{string.Join(",", p.Hook.SettlementIds)}|{p.Hook.SpeciesId}";

    private static bool Mentions(string text, string name) => Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(name)}(?![\w])");

    private static long Distance2(GridPoint a, GridPoint b) => SettlementIndex.DistanceSquared(a, b);

    [Fact]
    public void SameSeed_SamePoints()
    {
        var one = PeoplingFixture.Populated("42", 192).PointsOfInterest.Select(Render);
        var two = PeoplingFixture.Populated("42", 192).PointsOfInterest.Select(Render);

        Assert.Equal(one, two);
    }

    [Fact]
    public void OtherStream_OtherPoints()
    {
        var world = PeoplingFixture.Build("42", 192);
        PeoplingFixture.Run(new NpcStage(), world);
        PeoplingFixture.Run(new BestiaryStage(), world);

        new PoiStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, PoiStage.StreamName));
        var one = world.PointsOfInterest.Select(Render).ToList();
        new PoiStage().Run(world, ChaChaRng.ForStage(world.Seed.Bytes, "other"));

        Assert.NotEqual(one, world.PointsOfInterest.Select(Render));
    }

    [Fact]
    public void Continent256_HasAFewDozenPoints()
    {
        var world = PeoplingFixture.Shared();

        Assert.InRange(world.PointsOfInterest.Count, 15, 40);
        Assert.True(world.PointsOfInterest.Count <= world.Heightmap!.CountLand() / PoiStage.LandCellsPerPoi);
    }

    [Fact]
    public void Count_GrowsWithLand()
    {
        var small = PeoplingFixture.Shared("42", 256).PointsOfInterest.Count;
        var large = PeoplingFixture.Shared("42", 512).PointsOfInterest.Count;

        Assert.InRange(large, small * 3, small * 5);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Points_LieOnLand_AwayFromSettlements_AndFromEachOther(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var pois = world.PointsOfInterest;

        Assert.NotEmpty(pois);
        foreach (var poi in pois)
        {
            Assert.True(world.Heightmap!.IsLand(poi.Location.X, poi.Location.Y), $"{poi.Id} is at sea");
            Assert.False(BiomeNames.IsWater(world.Biomes![poi.Location.X, poi.Location.Y]));
            Assert.All(world.Settlements, s => Assert.True(
                Distance2(s.Location, poi.Location) >= (long)PoiStage.MinSettlementDistance * PoiStage.MinSettlementDistance, $"{poi.Id} crowds {s.Id}"));
            Assert.All(pois.Where(o => o != poi), o => Assert.True(Distance2(o.Location, poi.Location) >= (long)PoiStage.MinSpacing * PoiStage.MinSpacing));
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Hooks_NameRealNpcsAndSettlements_AndListExactlyThose(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var npcs = world.Npcs.ToDictionary(n => n.Id);
        var settlements = world.Settlements.ToDictionary(s => s.Id);

        foreach (var poi in world.PointsOfInterest)
        {
            var hook = poi.Hook;
            Assert.NotEmpty(hook.NpcIds);
            Assert.NotEmpty(hook.SettlementIds);
            Assert.Equal(hook.NpcIds.OrderBy(Number), hook.NpcIds);
            Assert.Equal(hook.SettlementIds.OrderBy(Number), hook.SettlementIds);
            Assert.Equal(hook.NpcIds.Count, hook.NpcIds.Distinct().Count());
            Assert.Equal(hook.SettlementIds.Count, hook.SettlementIds.Distinct().Count());
            foreach (var id in hook.NpcIds)
            {
                Assert.True(npcs.ContainsKey(id), $"{poi.Id} names unknown {id}");
                Assert.Contains(npcs[id].Name, hook.Text, StringComparison.Ordinal);
                Assert.Contains(npcs[id].SettlementId, hook.SettlementIds);
            }

            foreach (var id in hook.SettlementIds)
            {
                Assert.True(settlements.ContainsKey(id), $"{poi.Id} names unknown {id}");
                Assert.True(Mentions(hook.Text, settlements[id].Name), $"{poi.Id}: '{hook.Text}' lacks {settlements[id].Name}");
            }

            // Exactly: nobody and nowhere else is named. A faction or a person may carry a place in their name
            // ("Realm of Vikheim", "Cicca of Dunmore"); that names them, not the place.
            Assert.DoesNotContain(world.Npcs, n => !hook.NpcIds.Contains(n.Id) && hook.Text.Contains(n.Name, StringComparison.Ordinal));
            var places = world.Factions.Select(f => f.Name).Concat(hook.NpcIds.Select(id => npcs[id].Name))
                .Aggregate(hook.Text, (text, name) => text.Replace(name, "…", StringComparison.Ordinal));
            Assert.DoesNotContain(world.Settlements, s => !hook.SettlementIds.Contains(s.Id) && Mentions(places, s.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Hooks_AreToldInTheNearestSettlement_WithTheTellersRole(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var npcs = world.Npcs.ToDictionary(n => n.Id);
        var settlements = world.Settlements.ToDictionary(s => s.Id);

        foreach (var poi in world.PointsOfInterest)
        {
            var nearest = world.Settlements.MinBy(s => (Distance2(s.Location, poi.Location), Number(s.Id)))!;
            Assert.Contains(nearest.Id, poi.Hook.SettlementIds);
            Assert.Contains(poi.Hook.NpcIds, id => npcs[id].SettlementId == nearest.Id);
            Assert.Contains(poi.Hook.NpcIds, id => poi.Hook.Text.Contains($"{npcs[id].Name}, ", StringComparison.Ordinal)
                && poi.Hook.Text.Contains($" {npcs[id].Role} ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Lairs_HoldADangerousSpeciesOfTheirBiome(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var species = world.Bestiary.ToDictionary(s => s.Id);

        foreach (var poi in world.PointsOfInterest)
        {
            if (poi.Kind != "lair")
            {
                Assert.Null(poi.Hook.SpeciesId);
                continue;
            }

            var beast = species[Assert.IsType<string>(poi.Hook.SpeciesId)];
            Assert.Contains(world.Biomes![poi.Location.X, poi.Location.Y], beast.Biomes);
            Assert.True(beast.Threat >= PoiStage.MinLairThreat);
            Assert.Contains(beast.Name, poi.Hook.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Kinds_FollowThePlace()
    {
        var worlds = new[] { PeoplingFixture.Shared("42", 512), PeoplingFixture.Shared("peaks", preset: WorldPreset.Highlands), PeoplingFixture.Shared("-7301", preset: WorldPreset.Archipelago) };
        var pois = worlds.SelectMany(w => w.PointsOfInterest.Select(p => (w, p))).ToList();

        Assert.All(pois.Where(t => t.p.Kind == "shipwreck"), t => Assert.True(PoiStage.IsCoastal(t.w.Heightmap!, t.p.Location.X, t.p.Location.Y)));
        Assert.All(pois.Where(t => t.p.Kind == "cave"), t => Assert.True(
            t.w.Heightmap![t.p.Location.X, t.p.Location.Y] >= PoiStage.HighlandElevation(t.w.Heightmap) || t.w.Biomes![t.p.Location.X, t.p.Location.Y] == Biome.Alpine));
        Assert.All(pois.Where(t => t.p.Kind == "battlefield"), t => Assert.True(NearHostileLand(t.w, t.p), $"{t.p.Id} is far from any enemy"));
        Assert.Equal(PoiStage.Kinds.Order(), pois.Select(t => t.p.Kind).Distinct().Order());
    }

    private static bool NearHostileLand(ForgeWorld world, PointOfInterest poi)
    {
        var factionOf = world.Regions.Select(r => r.FactionId).Prepend(null).ToArray();
        var own = factionOf[world.RegionMap![poi.Location.X, poi.Location.Y]]!;
        var hostile = world.Factions.Single(f => f.Id == own).Relations.Where(r => r.Stance is "war" or "rival").Select(r => r.FactionId).ToHashSet();
        for (var dy = -12; dy <= 12; dy++)
        {
            for (var dx = -12; dx <= 12; dx++)
            {
                int x = poi.Location.X + dx, y = poi.Location.Y + dy;
                if (x >= 0 && y >= 0 && x < world.Width && y < world.Height && factionOf[world.RegionMap[x, y]] is { } f && hostile.Contains(f))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void IdsNamesAndRegions_AreConsistent(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var pois = world.PointsOfInterest;

        Assert.Equal(Enumerable.Range(1, pois.Count).Select(i => $"poi-{i}"), pois.Select(p => p.Id));
        Assert.Equal(pois.OrderBy(p => p.Location.Y).ThenBy(p => p.Location.X).Select(p => p.Id), pois.Select(p => p.Id));
        Assert.Equal(pois.Count, pois.Select(p => p.Name).Distinct().Count());
        Assert.All(pois, p => Assert.Contains(p.Kind, PoiStage.Kinds));
        Assert.All(pois, p => Assert.Equal(world.Regions[world.RegionMap![p.Location.X, p.Location.Y] - 1].Id, p.RegionId));
        Assert.All(pois, p => Assert.DoesNotContain("{", p.Hook.Text + p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Hooks_VaryTheirWording()
    {
        var pois = PeoplingFixture.Shared("42", 512).PointsOfInterest;

        foreach (var kind in pois.GroupBy(p => p.Kind).Where(g => g.Count() >= PoiStage.Kinds.Count))
        {
            // The first five words tell the templates apart once names are cut out.
            var openings = kind.Select(p => string.Join(' ', p.Hook.Text.Split(' ').Skip(6).Take(5))).Distinct().Count();
            Assert.True(openings >= 3, $"{kind.Key} hooks read alike");
        }

        Assert.True(pois.SelectMany(p => p.Hook.NpcIds).GroupBy(id => id).Max(g => g.Count()) <= 3, "one NPC tells too many tales");
    }

    [Fact]
    public void NobodyToTellHooks_NoPoints()
    {
        var world = PeoplingFixture.Build("42", 128);
        PeoplingFixture.Run(new BestiaryStage(), world);

        PeoplingFixture.Run(new PoiStage(), world);

        Assert.Empty(world.PointsOfInterest);
    }

    [Fact]
    public void WithoutRegionsOrFactions_PointsStillGetHooks_ButNoBattlefields()
    {
        var world = PeoplingFixture.Build("42", 256);
        world.RegionMap = null;
        world.Regions = [];
        world.Factions = [];
        world.Settlements = [.. world.Settlements.Select(s => s with { FactionId = null, RegionId = null, IsCapital = false })];
        PeoplingFixture.Run(new NpcStage(), world);
        PeoplingFixture.Run(new BestiaryStage(), world);

        PeoplingFixture.Run(new PoiStage(), world);

        Assert.NotEmpty(world.PointsOfInterest);
        Assert.All(world.PointsOfInterest, p => Assert.Null(p.RegionId));
        Assert.DoesNotContain(world.PointsOfInterest, p => p.Kind == "battlefield");
    }

    [Fact]
    public void WithoutHeightmap_TheStageSaysWhichStageIsMissing()
    {
        var world = new ForgeWorld(ForgeSeed.Parse("42"), new WorldParameters { Width = 64, Height = 64 });

        var error = Assert.Throws<InvalidOperationException>(() => PeoplingFixture.Run(new PoiStage(), world));

        Assert.Contains("heightmap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKind_HasSeveralHooks_AndEveryHookIntroducesSomeone()
    {
        foreach (var kind in PoiStage.Kinds)
        {
            Assert.True(PoiTexts.HooksFor(kind).Count >= 3, kind);
            Assert.All(PoiTexts.HooksFor(kind), t => Assert.Contains("{A}", t, StringComparison.Ordinal));
            Assert.NotEmpty(PoiTexts.NamesFor(kind));
        }
    }
}
