using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Tests.Terrain;

public sealed class BiomeWeightsTests
{
    [Fact]
    public void Groups_EveryBiome_PaintsAsExactlyOneGroupAndEveryGroupIsUsed()
    {
        var groups = Enum.GetValues<Biome>().Select(BiomeGroups.Of).ToList();

        Assert.Equal(BiomeNames.All.Count, groups.Count);
        Assert.All(groups, g => Assert.InRange(g, 0, BiomeGroups.Count - 1));
        Assert.Equal(Enumerable.Range(0, BiomeGroups.Count), groups.Distinct().Order());
        Assert.Equal(0, BiomeGroups.Of(Biome.Ocean));
        Assert.Equal("forest", BiomeGroups.Names[BiomeGroups.Of(Biome.Taiga)]);
    }

    [Fact]
    public void Sample_TwoBiomeWorld_PureAwayFromTheBorderBlendedAcrossIt()
    {
        // West half ocean, east half desert, on a 4 × 2 map sampled 7 across: samples 0..6 fall on cells at 0, 0.5, ... 3.
        var cells = new byte[] { 0, 0, 11, 11, 0, 0, 11, 11 };
        var planes = BiomeWeights.Sample(new BiomeMap(4, 2, cells), 7, 2);
        var water = BiomeGroups.Of(Biome.Ocean);
        var desert = BiomeGroups.Of(Biome.Desert);

        // The middle sample lies halfway: 127.5 each, and the rounding's lost unit goes to the first of equals.
        Assert.Equal(new byte[] { 255, 255, 255, 128, 0, 0, 0 }, planes[water][..7]);
        Assert.Equal(new byte[] { 0, 0, 0, 127, 255, 255, 255 }, planes[desert][..7]);
        for (var i = 0; i < 14; i++)
        {
            Assert.Equal(255, planes.Sum(p => p[i]));
        }
    }

    [Fact]
    public void Sample_GeneratedWorld_WeightsOfEverySampleSumTo255()
    {
        var source = ExportWorlds.Source();

        var planes = BiomeWeights.Sample(source.Biomes, 101, 77);

        Assert.Equal(BiomeGroups.Count, planes.Length);
        for (var i = 0; i < 101 * 77; i++)
        {
            Assert.Equal(255, planes.Sum(p => p[i]));
        }
    }
}
