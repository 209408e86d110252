using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Peopling;

public sealed class BestiaryStageTests
{
    public static TheoryData<string, WorldPreset> Worlds() => new()
    {
        { "42", WorldPreset.Continent },
        { "dragon coast", WorldPreset.Continent },
        { "-7301", WorldPreset.Archipelago },
        { "ice", WorldPreset.FrozenNorth },
    };

    private static readonly Biome[] LandBiomes = [.. Enum.GetValues<Biome>().Where(b => !BiomeNames.IsWater(b))];

    private static string Render(Species s) =>
        $"{s.Id}|{s.Name}|{s.Family}|{string.Join(",", s.Biomes)}|{s.Stats}|{string.Join(",", s.Behaviours)}|{string.Join(",", s.Genes)}|{s.Threat}";

    private static List<Biome> Present(ForgeWorld world) =>
        [.. world.Biomes!.Histogram().Select((count, b) => (count, biome: (Biome)b)).Where(p => p.count > 0 && !BiomeNames.IsWater(p.biome)).Select(p => p.biome)];

    private static IReadOnlyList<Species> Generate(int[] histogram, string stream = BestiaryStage.StreamName) =>
        BestiaryStage.Generate(histogram, ChaChaRng.ForStage("bestiary-test"u8, stream));

    [Fact]
    public void SameSeed_SameBestiary()
    {
        var one = PeoplingFixture.Populated("42", 128).Bestiary.Select(Render);
        var two = PeoplingFixture.Populated("42", 128).Bestiary.Select(Render);

        Assert.Equal(one, two);
    }

    [Fact]
    public void OtherStream_OtherBestiary()
    {
        var histogram = PeoplingFixture.Shared().Biomes!.Histogram();

        Assert.NotEqual(Generate(histogram).Select(Render), Generate(histogram, "other").Select(Render));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void EveryLandBiomeOfTheWorld_HasAtLeastTwoSpecies(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var present = Present(world);

        Assert.True(present.Count >= 4, $"the fixture should have several biomes, has {present.Count}");
        foreach (var biome in present)
        {
            Assert.True(world.Bestiary.Count(s => s.Biomes.Contains(biome)) >= BestiaryStage.MinPerBiome, $"{biome} has too few species");
        }

        Assert.InRange(world.Bestiary.Count, BestiaryStage.MinPerBiome * present.Count, BestiaryStage.MaxPerBiome * present.Count);
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Species_LiveOnlyInBiomesOfTheWorld_ThatSuitTheirFamily(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);
        var present = Present(world);

        foreach (var species in world.Bestiary)
        {
            var family = CreatureFamilies.All.Single(f => f.Id == species.Family);
            Assert.NotEmpty(species.Biomes);
            Assert.Equal(species.Biomes.Order(), species.Biomes);
            Assert.Equal(species.Biomes.Count, species.Biomes.Distinct().Count());
            Assert.All(species.Biomes, b => Assert.Contains(b, present));
            Assert.All(species.Biomes, b => Assert.Contains(b, family.Biomes));
            Assert.EndsWith(" " + family.Noun, species.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BigBiomes_GetMoreSpecies()
    {
        var histogram = new int[BiomeNames.All.Count];
        histogram[(int)Biome.Ocean] = 50_000;
        histogram[(int)Biome.Grassland] = 9_000;
        histogram[(int)Biome.Beach] = 100;
        histogram[(int)Biome.Wetland] = 100;

        var bestiary = Generate(histogram);

        // Grassland holds nearly all the land: 4–5 species at home there; the slivers 2–3 each.
        Assert.InRange(bestiary.Count, 4 + 2 + 2, 5 + 3 + 3);
        Assert.True(bestiary.Count(s => s.Biomes.Contains(Biome.Grassland)) >= 4);
    }

    [Fact]
    public void NoLand_NoSpecies() =>
        Assert.Empty(Generate([100, 50, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));

    [Theory]
    [MemberData(nameof(Worlds))]
    public void GeneRanges_AreValid(string seed, WorldPreset preset)
    {
        var world = PeoplingFixture.Shared(seed, preset: preset);

        foreach (var species in world.Bestiary)
        {
            var names = species.Genes.Select(g => g.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(CreatureFamilies.Common, g => Assert.Contains(g, names));
            foreach (var gene in species.Genes)
            {
                var (min, max) = CreatureFamilies.GeneBounds(gene.Name);
                Assert.True(gene.Min < gene.Max, $"{species.Name} {gene}");
                Assert.True(gene.Min >= min && gene.Max <= max, $"{species.Name} {gene} outside {min}..{max}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Threat_FollowsPower(string seed, WorldPreset preset)
    {
        var bestiary = PeoplingFixture.Shared(seed, preset: preset).Bestiary;

        Assert.All(bestiary, s => Assert.InRange(s.Threat, 1, 10));
        Assert.All(bestiary, s => Assert.Equal(BestiaryStage.ThreatOf(s.Stats), s.Threat));
        var byPower = bestiary.OrderBy(s => BestiaryStage.Power(s.Stats)).ToList();
        for (var i = 1; i < byPower.Count; i++)
        {
            Assert.True(byPower[i - 1].Threat <= byPower[i].Threat, $"{byPower[i - 1].Name} outranks the stronger {byPower[i].Name}");
        }
    }

    [Fact]
    public void Threat_RanksTheFamiliesSensibly()
    {
        int Threat(string family) => BestiaryStage.ThreatOf(CreatureFamilies.All.Single(f => f.Id == family).Stats);

        Assert.Equal(1, Threat("hare"));
        Assert.True(Threat("deer") < Threat("wolf"));
        Assert.True(Threat("wolf") < Threat("bear"));
        Assert.True(Threat("bear") < Threat("wyvern"));
        Assert.InRange(Threat("wyvern"), 8, 10);
        var strongest = new SpeciesStats(10_000, 500, 500, 200, 30);
        Assert.Equal(10, BestiaryStage.ThreatOf(strongest));
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Stats_StayWithinAQuarterOfTheirFamily(string seed, WorldPreset preset)
    {
        foreach (var species in PeoplingFixture.Shared(seed, preset: preset).Bestiary)
        {
            var b = CreatureFamilies.All.Single(f => f.Id == species.Family).Stats;
            var s = species.Stats;
            foreach (var (value, baseValue) in new[] { (s.Health, b.Health), (s.Attack, b.Attack), (s.Defense, b.Defense), (s.Speed, b.Speed), (s.Perception, b.Perception) })
            {
                Assert.InRange(value, Math.Max(1, baseValue * 75 / 100), baseValue * 125 / 100);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void Behaviours_IncludeTheFamilys_AndNeverContradict(string seed, WorldPreset preset)
    {
        foreach (var species in PeoplingFixture.Shared(seed, preset: preset).Bestiary)
        {
            var family = CreatureFamilies.All.Single(f => f.Id == species.Family);
            Assert.Equal(species.Behaviours.Order(StringComparer.Ordinal), species.Behaviours);
            Assert.Equal(species.Behaviours.Count, species.Behaviours.Distinct().Count());
            Assert.All(family.Behaviours, b => Assert.Contains(b, species.Behaviours));
            Assert.All(species.Behaviours, b => Assert.Contains(b, family.Behaviours.Concat(family.MayBehave)));
            foreach (var a in species.Behaviours)
            {
                Assert.All(species.Behaviours, b => Assert.True(CreatureFamilies.Compatible(a, b), $"{species.Name}: {a} and {b}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void IdsAndNames_AreUnique_AndNumberedInOrder(string seed, WorldPreset preset)
    {
        var bestiary = PeoplingFixture.Shared(seed, preset: preset).Bestiary;

        Assert.Equal(Enumerable.Range(1, bestiary.Count).Select(i => $"species-{i}"), bestiary.Select(s => s.Id));
        Assert.Equal(bestiary.Count, bestiary.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void EveryLandBiome_IsHomeToAtLeastFiveFamilies()
    {
        foreach (var biome in LandBiomes)
        {
            Assert.True(CreatureFamilies.LivingIn(biome).Count >= BestiaryStage.MaxPerBiome, $"{biome}");
            Assert.NotEmpty(CreatureFamilies.WordsFor(biome));
        }

        Assert.All(CreatureFamilies.All, f => Assert.DoesNotContain(f.Biomes, BiomeNames.IsWater));
        Assert.Equal(CreatureFamilies.All.Count, CreatureFamilies.All.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void WithoutBiomes_TheStageSaysWhichStageIsMissing()
    {
        var world = new ForgeWorld(ForgeSeed.Parse("42"), new WorldParameters { Width = 64, Height = 64 });

        var error = Assert.Throws<InvalidOperationException>(() => PeoplingFixture.Run(new BestiaryStage(), world));

        Assert.Contains("biome", error.Message, StringComparison.Ordinal);
    }
}
