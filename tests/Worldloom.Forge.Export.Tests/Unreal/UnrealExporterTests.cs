using System.Globalization;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Unreal;
using Worldloom.Forge.Export.Tests.Terrain;

namespace Worldloom.Forge.Export.Tests.Unreal;

public sealed class UnrealExporterTests
{
    [Theory]
    [InlineData(64, 505)]
    [InlineData(505, 505)]
    [InlineData(521, 505)]
    [InlineData(522, 1009)]
    [InlineData(1024, 1009)]
    [InlineData(1100, 2017)]
    [InlineData(2048, 2017)]
    [InlineData(2200, 4033)]
    [InlineData(4096, 4033)]
    public void ResolutionFor_WorldSide_SmallestRecommendedLandscapeSizeThatHoldsItLessASlack(int side, int expected) =>
        Assert.Equal(expected, UnrealLandscape.ResolutionFor(side));

    [Fact]
    public void Export_SmallWorld_HeightmapIs16BitGreyAtLandscapeSizeWithTheResampledHeights()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnrealExporter(), source);

        var image = PngImage.Read(files.Bytes("Landscape/heightmap.png"));
        Assert.Equal((505, 505, 16, 0), (image.Width, image.Height, image.BitDepth, image.ColourType));
        Assert.Equal(source.Heights(505, 505), image.Gray16());
    }

    [Fact]
    public void Export_SmallWorld_WeightLayersAre8BitGreyAndSumTo255()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnrealExporter(), source);

        using var landscape = files.Json("landscape.json");
        var layers = landscape.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("file").GetString()!).ToList();
        Assert.True(layers.Count > 2, "a generated continent has sea, shore and land layers");
        Assert.Equal(layers.Count, files.Files.Count(f => f.Path.StartsWith("unreal/Landscape/weight_", StringComparison.Ordinal)));
        var images = layers.Select(path => PngImage.Read(files.Bytes(path))).ToList();
        Assert.All(images, image => Assert.Equal((505, 505, 8, 0), (image.Width, image.Height, image.BitDepth, image.ColourType)));
        for (var pixel = 0; pixel < 505 * 505; pixel++)
        {
            Assert.Equal(255, images.Sum(image => image.Samples[pixel]));
        }

        Assert.All(images, image => Assert.Contains(image.Samples, w => w > 0));
    }

    [Fact]
    public void Export_SmallWorld_LandscapeScaleMapsTheWorldToMetres()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnrealExporter(), source);

        using var landscape = files.Json("landscape.json");
        var root = landscape.RootElement;
        Assert.Equal(505, root.GetProperty("resolution").GetInt32());
        var scale = root.GetProperty("scale");
        // 128 × 96 cells 20 m apart: 127 × 20 m across 504 quads in X, 95 × 20 m in Y, in cm.
        Assert.Equal(127m * 2000 / 504, scale.GetProperty("x").GetDecimal(), 4);
        Assert.Equal(95m * 2000 / 504, scale.GetProperty("y").GetDecimal(), 4);
        // Z scale 100 spans 512 m over 65536 units; the world's 65536 units span 1024 m.
        Assert.Equal(200, scale.GetProperty("z").GetInt32());
        Assert.Equal((32768m - source.Heightmap.SeaLevel) * 200 / 128, root.GetProperty("location").GetProperty("z").GetDecimal());
        Assert.Contains("Z 200", files.Text("README.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_SmallWorld_CsvTablesParseWithOneRowPerEntity()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnrealExporter(), source);
        var world = source.World;

        var settlements = CsvTable.Parse(files.Text("Data/settlements.csv"));
        Assert.Equal("Name", settlements[0][0]);
        Assert.All(settlements, row => Assert.Equal(settlements[0].Length, row.Length));
        Assert.Equal(world.Settlements.Select(s => s.Id), settlements.Skip(1).Select(r => r[0]));
        Assert.Equal(world.Settlements.Select(s => s.Name), settlements.Skip(1).Select(r => r[Array.IndexOf(settlements[0], "DisplayName")]));
        var x = Array.IndexOf(settlements[0], "X");
        var z = Array.IndexOf(settlements[0], "Z");
        foreach (var (settlement, row) in world.Settlements.Zip(settlements.Skip(1)))
        {
            Assert.Equal(settlement.Location.X * 2000, long.Parse(row[x], CultureInfo.InvariantCulture));
            Assert.Equal((source.Heightmap[settlement.Location.X, settlement.Location.Y] - source.Heightmap.SeaLevel) * 100m / 64, decimal.Parse(row[z], CultureInfo.InvariantCulture));
        }

        var npcs = CsvTable.Parse(files.Text("Data/npcs.csv"));
        Assert.Equal(world.Npcs.Select(n => n.Id), npcs.Skip(1).Select(r => r[0]));
        Assert.Equal(
            world.Npcs.Select(n => "(" + string.Join(",", n.Traits.Select(t => $"\"{t}\"")) + ")"),
            npcs.Skip(1).Select(r => r[Array.IndexOf(npcs[0], "Traits")]));

        var pois = CsvTable.Parse(files.Text("Data/pois.csv"));
        Assert.Equal(world.PointsOfInterest.Select(p => p.Hook.Text), pois.Skip(1).Select(r => r[Array.IndexOf(pois[0], "Hook")]));
        Assert.Equal(world.PointsOfInterest.Count + 1, pois.Count);
    }

    [Fact]
    public void Export_SmallWorld_JsonTablesMatchTheCsvRows()
    {
        var files = ExportWorlds.Export(new UnrealExporter(), ExportWorlds.Source());

        foreach (var table in new[] { "settlements", "npcs", "pois" })
        {
            var csv = CsvTable.Parse(files.Text($"Data/{table}.csv"));
            using var json = files.Json($"Data/{table}.json");
            var rows = json.RootElement.EnumerateArray().ToList();
            Assert.Equal(csv.Skip(1).Select(r => r[0]), rows.Select(r => r.GetProperty("Name").GetString()));
            Assert.All(rows, r => Assert.Equal(csv[0], r.EnumerateObject().Select(p => p.Name)));
        }
    }

    [Fact]
    public void Csv_FieldsWithCommasQuotesAndLineBreaks_ParseBackUnchanged()
    {
        var table = new UnrealDataTable("t", ["Name", "Text", "List", "Number"]);
        table.Add(TableValue.Of("row-1"), TableValue.Of("Ash, Oak \"and\" Elm\nRiver"), TableValue.Of(["a b", "c,d"]), TableValue.Decimal("-1.5"));
        table.Add(TableValue.Of("row-2"), TableValue.Of(" padded "), TableValue.Of([]), TableValue.Of(7));

        var rows = CsvTable.Parse(table.Csv());

        Assert.Equal(3, rows.Count);
        Assert.Equal(["row-1", "Ash, Oak \"and\" Elm\nRiver", "(\"a b\",\"c,d\")", "-1.5"], rows[1]);
        Assert.Equal(["row-2", " padded ", "()", "7"], rows[2]);
    }

    [Fact]
    public void Export_SameWorldTwice_IdenticalBytes()
    {
        var source = ExportWorlds.Source();

        ExportWorlds.Export(new UnrealExporter(), source).AssertSameAs(ExportWorlds.Export(new UnrealExporter(), source.Fresh()));
        Assert.IsType<UnrealExporter>(ExportEngines.Exporter(ExportEngines.Unreal));
    }
}
