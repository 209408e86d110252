using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.World;

public sealed class WorldParametersTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.Empty(new WorldParameters().Validate());

    [Theory]
    [InlineData("width")]
    [InlineData("height")]
    [InlineData("seaLevel")]
    [InlineData("roughness")]
    [InlineData("temperatureBias")]
    [InlineData("moistureBias")]
    [InlineData("settlementDensity")]
    [InlineData("factionCount")]
    [InlineData("preset")]
    public void Validate_OutOfRange_NamesTheField(string field)
    {
        var parameters = field switch
        {
            "width" => new WorldParameters { Width = 63 },
            "height" => new WorldParameters { Height = 4097 },
            "seaLevel" => new WorldParameters { SeaLevel = 101 },
            "roughness" => new WorldParameters { Roughness = -1 },
            "temperatureBias" => new WorldParameters { TemperatureBias = -101 },
            "moistureBias" => new WorldParameters { MoistureBias = 101 },
            "settlementDensity" => new WorldParameters { SettlementDensity = 1000 },
            "factionCount" => new WorldParameters { FactionCount = 0 },
            _ => new WorldParameters { Preset = (WorldPreset)99 },
        };

        var error = Assert.Single(parameters.Validate());
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Validate_ReportsEveryBadField()
    {
        var errors = new WorldParameters { Width = 10, Height = 10_000, SeaLevel = -5 }.Validate();

        Assert.Equal(["width", "height", "seaLevel"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_AcceptsBoundaries()
    {
        Assert.Empty(new WorldParameters { Width = 64, Height = 4096, SeaLevel = 0, FactionCount = WorldParameters.MaxFactionCount, TemperatureBias = -100 }.Validate());
        Assert.Empty(new WorldParameters { Width = 4096, Height = 64, SeaLevel = 100, Roughness = 100, MoistureBias = 100 }.Validate());
    }

    [Fact]
    public void PresetNames_RoundTrip()
    {
        foreach (var preset in Enum.GetValues<WorldPreset>())
        {
            Assert.True(WorldPresetNames.TryParse(WorldPresetNames.ToName(preset), out var parsed));
            Assert.Equal(preset, parsed);
        }

        Assert.Equal("frozen_north", WorldPresetNames.ToName(WorldPreset.FrozenNorth));
        Assert.False(WorldPresetNames.TryParse("Continent", out _));
    }
}
