using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Documents;

namespace Worldloom.Forge.Tests.Rendering;

public sealed class MapRendererTests
{
    private static readonly ForgeWorld Generated = WorldPipeline.Generate(ForgeSeed.Parse("render me"), new WorldParameters { Width = 128, Height = 96 });

    private static bool Bluish((byte R, byte G, byte B, byte A) p) => p.B > p.R + 20 && p.B > p.G;

    private static int Brightness((byte R, byte G, byte B, byte A) p) => p.R + p.G + p.B;

    [Theory]
    [InlineData(MapLayer.Height)]
    [InlineData(MapLayer.Biomes)]
    [InlineData(MapLayer.Rivers)]
    [InlineData(MapLayer.Political)]
    [InlineData(MapLayer.Settlements)]
    public void Render_EveryLayer_IsWorldSizedAndOpaque(MapLayer layer)
    {
        foreach (var world in new[] { Generated, WorldFixture.Create() })
        {
            var image = MapRenderer.Render(world, layer);

            Assert.Equal((world.Width, world.Height), (image.Width, image.Height));
            for (var i = 3; i < image.Pixels.Length; i += 4)
            {
                Assert.Equal(255, image.Pixels[i]);
            }
        }
    }

    [Theory]
    [InlineData(64, 64, 48)]
    [InlineData(32, 32, 24)]
    [InlineData(1000, 128, 96)]
    [InlineData(0, 128, 96)]
    public void Render_MaxSide_ScalesDownKeepingTheAspect(int maxSide, int width, int height)
    {
        var image = MapRenderer.Render(Generated, MapLayer.Biomes, maxSide);

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void Render_Height_SeaIsBlueLandIsNot_DeepSeaDarker()
    {
        var image = MapRenderer.Render(Generated, MapLayer.Height);
        var map = Generated.Heightmap!;
        int shallow = 0, deep = 0, shallowCount = 0, deepCount = 0;
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var p = image.At(x, y);
                if (map.IsLand(x, y))
                {
                    Assert.False(Bluish(p), $"land at ({x},{y}) is {p}");
                }
                else
                {
                    Assert.True(Bluish(p), $"sea at ({x},{y}) is {p}");
                    var depth = map.SeaLevel - map[x, y];
                    if (depth < 1500)
                    {
                        shallow += Brightness(p);
                        shallowCount++;
                    }
                    else if (depth > 8000)
                    {
                        deep += Brightness(p);
                        deepCount++;
                    }
                }
            }
        }

        Assert.True(shallowCount > 0 && deepCount > 0);
        Assert.True(deep / deepCount < shallow / shallowCount);
    }

    [Fact]
    public void Render_Height_HillshadeLightsNorthWestSlopes()
    {
        // A cone: its north-west flank faces the light, its south-east flank faces away; both at the same height.
        var cells = new ushort[64 * 64];
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var d = Math.Abs(x - 32) + Math.Abs(y - 32);
                cells[(y * 64) + x] = (ushort)Math.Max(0, 60000 - (d * 900));
            }
        }

        var world = new ForgeWorld(ForgeSeed.FromInt64(1), new WorldParameters { Width = 64, Height = 64 }) { Heightmap = new Heightmap(64, 64, 10000, cells) };

        var image = MapRenderer.Render(world, MapLayer.Height);

        Assert.True(Brightness(image.At(24, 24)) > Brightness(image.At(40, 40)) + 60, $"{image.At(24, 24)} vs {image.At(40, 40)}");
    }

    [Fact]
    public void Render_Biomes_UsesTheBiomePalette()
    {
        var image = MapRenderer.Render(WorldFixture.Create(), MapLayer.Biomes);

        var desert = image.At(44, 30);
        var forest = image.At(18, 30);
        var ocean = image.At(2, 2);
        Assert.True(desert.R > desert.B + 50 && desert.G > desert.B + 30, $"desert {desert}");
        Assert.True(forest.G > forest.R + 30 && forest.G > forest.B + 30, $"forest {forest}");
        Assert.True(Bluish(ocean), $"ocean {ocean}");
    }

    [Fact]
    public void Render_BiomesBeforeTheBiomeStage_FallsBackToElevationTints()
    {
        var world = new ForgeWorld(Generated.Seed, Generated.Parameters) { Heightmap = Generated.Heightmap };

        var image = MapRenderer.Render(world, MapLayer.Biomes);

        for (var y = 0; y < world.Height; y += 3)
        {
            for (var x = 0; x < world.Width; x += 3)
            {
                Assert.Equal(!world.Heightmap!.IsLand(x, y), Bluish(image.At(x, y)));
            }
        }
    }

    [Fact]
    public void Render_Rivers_DrawsRiversAndLakesInBlue()
    {
        var world = WorldFixture.Create();
        var dry = WorldFixture.Create();
        dry.Hydrology = new Hydrology(dry.Width, dry.Height, new int[dry.Width * dry.Height], new int[dry.Width * dry.Height], [], []);

        var wet = MapRenderer.Render(world, MapLayer.Rivers);
        var without = MapRenderer.Render(dry, MapLayer.Rivers);

        var cell = world.Hydrology!.Rivers[1].Path[8];
        Assert.True(Bluish(wet.At(cell.X, cell.Y)), $"river {wet.At(cell.X, cell.Y)}");
        Assert.False(Bluish(without.At(cell.X, cell.Y)), $"no river {without.At(cell.X, cell.Y)}");
        Assert.True(Bluish(wet.At(WorldFixture.LakeCentre.X, WorldFixture.LakeCentre.Y)));
        Assert.False(Bluish(without.At(WorldFixture.LakeCentre.X, WorldFixture.LakeCentre.Y)));
    }

    [Fact]
    public void Render_Political_FillsLandWithFactionColoursAndDarkensFactionBorders()
    {
        var image = MapRenderer.Render(WorldFixture.Create(), MapLayer.Political);

        var blueFaction = image.At(30, 34);
        var orangeFaction = image.At(46, 34);
        Assert.True(blueFaction.B > blueFaction.R + 40, $"faction-1 land {blueFaction}");
        Assert.True(orangeFaction.R > orangeFaction.B + 40, $"faction-2 land {orangeFaction}");
        Assert.True(Brightness(image.At(39, 34)) < Brightness(image.At(37, 34)) - 100, "the faction border at x=39 is dark");
    }

    [Fact]
    public void RenderTile_Political_MarksCapitalsWithASquare()
    {
        var world = WorldFixture.Create();
        var plain = WorldFixture.Create();
        plain.Settlements = [];

        var marked = MapRenderer.RenderTile(world, MapLayer.Political, 0, 0, 0);
        var unmarked = MapRenderer.RenderTile(plain, MapLayer.Political, 0, 0, 0);

        // Fixture cells are 4 px at zoom 0; the capital's centre pixel and its neighbours lie inside the square.
        var (cx, cy) = ((WorldFixture.CityCell.X * 4) + 2, (WorldFixture.CityCell.Y * 4) + 2);
        Assert.NotEqual(unmarked.At(cx, cy), marked.At(cx, cy));
        Assert.NotEqual(unmarked.At(cx + 1, cy + 1), marked.At(cx + 1, cy + 1));
        Assert.NotEqual(unmarked.At(cx - 2, cy - 2), marked.At(cx - 2, cy - 2));
        Assert.Equal(unmarked.At(cx + 20, cy + 20), marked.At(cx + 20, cy + 20));
    }

    [Fact]
    public void RenderTile_Settlements_DrawsMarkersAndRoads()
    {
        var world = WorldFixture.Create();
        var bare = WorldFixture.Create();
        bare.Settlements = [];
        bare.Roads = [];

        var drawn = MapRenderer.RenderTile(world, MapLayer.Settlements, 0, 0, 0);
        var plain = MapRenderer.RenderTile(bare, MapLayer.Settlements, 0, 0, 0);

        var city = drawn.At((WorldFixture.CityCell.X * 4) + 2, (WorldFixture.CityCell.Y * 4) + 2);
        Assert.True(city.R > 240 && city.G > 240 && city.B > 230, $"city marker centre {city}");
        var roadCell = world.Roads[1].Path[5];
        var (rx, ry) = ((roadCell.X * 4) + 2, (roadCell.Y * 4) + 2);
        Assert.True(Brightness(drawn.At(rx, ry)) < Brightness(plain.At(rx, ry)) - 50, $"road {drawn.At(rx, ry)} over {plain.At(rx, ry)}");
    }

    [Fact]
    public void RenderTile_IsTileSized_TransparentBeyondTheWorld()
    {
        // 128×96 at zoom 0: the long side spans 256 px, so the world covers rows 0..191 and the rest is empty.
        var tile = MapRenderer.RenderTile(Generated, MapLayer.Height, 0, 0, 0);

        Assert.Equal((256, 256), (tile.Width, tile.Height));
        Assert.Equal(255, tile.At(255, 191).A);
        Assert.Equal(0, tile.At(0, 192).A);
        Assert.Equal(0, tile.At(255, 255).A);
    }

    [Fact]
    public void RenderTile_ZoomZeroOfA256World_IsTheFullRender()
    {
        var world = WorldPipeline.Generate(ForgeSeed.Parse("tile"), new WorldParameters { Width = 256, Height = 256 });

        Assert.Equal(MapRenderer.Render(world, MapLayer.Height).Pixels.ToArray(), MapRenderer.RenderTile(world, MapLayer.Height, 0, 0, 0).Pixels.ToArray());
    }

    [Fact]
    public void RenderTile_DeeperZoom_MagnifiesTheSameArea()
    {
        // 128 cells at zoom 1 span 512 px (4 px per cell); tile (0,0) shows cells 0..63 of rows 0..63.
        var tile = MapRenderer.RenderTile(Generated, MapLayer.Height, 1, 0, 0);
        var full = MapRenderer.Render(Generated, MapLayer.Height);

        var sea = Generated.Heightmap!.IsLand(10, 10) ? (0, 0) : (10, 10);
        var p = tile.At((sea.Item1 * 4) + 2, (sea.Item2 * 4) + 2);
        var q = full.At(sea.Item1, sea.Item2);
        Assert.InRange(Math.Abs(Brightness(p) - Brightness(q)), 0, 30);
    }

    [Fact]
    public void RenderTile_OutOfRange_Throws()
    {
        Assert.Equal(1, MapRenderer.MaxZoom(Generated));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRenderer.RenderTile(Generated, MapLayer.Height, 2, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRenderer.RenderTile(Generated, MapLayer.Height, 1, 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRenderer.RenderTile(Generated, MapLayer.Height, 0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRenderer.RenderTile(Generated, MapLayer.Height, -1, 0, 0));
    }

    [Fact]
    public void Render_BadInput_Throws()
    {
        var empty = new ForgeWorld(ForgeSeed.FromInt64(1), new WorldParameters());

        Assert.Throws<ArgumentException>(() => MapRenderer.Render(empty, MapLayer.Height));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRenderer.Render(Generated, (MapLayer)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRenderer.Render(Generated, MapLayer.Height, -1));
    }

    [Fact]
    public void Render_SameWorldTwiceAndInParallel_SamePixels()
    {
        var world = WorldFixture.Create();
        var reference = MapRenderer.Render(world, MapLayer.Settlements, 48).Pixels.ToArray();
        var results = new byte[4][];

        Parallel.For(0, results.Length, i => results[i] = MapRenderer.Render(WorldFixture.Create(), MapLayer.Settlements, 48).Pixels.ToArray());

        Assert.All(results, r => Assert.Equal(reference, r));
    }

    [Fact]
    public void MapLayerNames_RoundTrip()
    {
        foreach (var layer in Enum.GetValues<MapLayer>())
        {
            Assert.True(MapLayerNames.TryParse(MapLayerNames.ToName(layer), out var parsed));
            Assert.Equal(layer, parsed);
        }

        Assert.False(MapLayerNames.TryParse("Height", out _));
    }
}
