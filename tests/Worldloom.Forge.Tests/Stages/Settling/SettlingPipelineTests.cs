using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Settling;

/// <summary>The settlement, road and region stages on real climate, biomes and hydrology, through the whole pipeline.</summary>
public sealed class SettlingPipelineTests
{
    [Fact]
    public void Stages_RunAfterHydrology_InOrder()
    {
        var names = WorldPipeline.Stages.Select(s => s.Name).ToList();

        var at = names.IndexOf("hydrology");
        Assert.Equal(["settlements", "roads", "regions"], names.Skip(at + 1).Take(3));
    }

    [Theory]
    [InlineData(WorldPreset.Continent, "pipeline")]
    [InlineData(WorldPreset.Continent, "42")]
    [InlineData(WorldPreset.Archipelago, "pipeline")]
    [InlineData(WorldPreset.Archipelago, "dragon coast")]
    [InlineData(WorldPreset.Highlands, "pipeline")]
    [InlineData(WorldPreset.Desert, "pipeline")]
    [InlineData(WorldPreset.FrozenNorth, "pipeline")]
    public void Generate_KeepsTheSettlingInvariants(WorldPreset preset, string seed)
    {
        var world = WorldPipeline.Generate(ForgeSeed.Parse(seed), new WorldParameters { Width = 128, Height = 128, Preset = preset });

        Assert.NotEmpty(world.Settlements);
        Assert.NotEmpty(world.Regions);
        Assert.NotEmpty(world.Factions);
        SettlingInvariants.AssertAll(world);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 32)]
    public void Generate_AtTheParameterExtremes_KeepsTheInvariants(int density, int factions)
    {
        var world = WorldPipeline.Generate(ForgeSeed.Parse("extremes"), new WorldParameters { Width = 128, Height = 128, SettlementDensity = density, FactionCount = factions });

        SettlingInvariants.AssertAll(world);
    }

    [Theory]
    [InlineData(WorldPreset.Continent)]
    [InlineData(WorldPreset.Archipelago)]
    public void Generate_DenserWorld_KeepsEverySiteOfASparserOne(WorldPreset preset)
    {
        List<GridPoint> Sites(int density) => WorldPipeline.Generate(ForgeSeed.Parse("density"), new WorldParameters { Width = 128, Height = 128, Preset = preset, SettlementDensity = density })
            .Settlements.Select(s => s.Location).ToList();

        var sparse = Sites(20);
        var dense = Sites(80);

        Assert.True(dense.Count > sparse.Count, $"{sparse.Count} then {dense.Count}");
        Assert.Equal(sparse, dense.Take(sparse.Count));
    }

    [Fact]
    public void Generate_DefaultContinent256_HasTwentyToSixtySettlements()
    {
        var world = WorldPipeline.Generate(ForgeSeed.Parse("42"), new WorldParameters());

        Assert.InRange(world.Settlements.Count, 20, 60);
        SettlingInvariants.AssertAll(world);
    }
}
