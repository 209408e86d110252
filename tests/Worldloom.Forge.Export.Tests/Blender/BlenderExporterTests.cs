using System.Buffers.Binary;
using System.Globalization;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Blender;
using Worldloom.Forge.Export.Tests.Terrain;

namespace Worldloom.Forge.Export.Tests.Blender;

public sealed class BlenderExporterTests
{
    [Theory]
    [InlineData(128, 96, 128, 96)]
    [InlineData(257, 64, 257, 64)]
    [InlineData(258, 258, 257, 257)]
    [InlineData(1024, 1024, 257, 257)]
    [InlineData(1024, 512, 257, 129)]
    [InlineData(4096, 64, 257, 5)]
    public void SizeFor_WorldSize_OneVertexPerCellUpTo257ASide(int width, int height, int columns, int rows) =>
        Assert.Equal((columns, rows), BlenderGrid.SizeFor(width, height));

    [Fact]
    public void Export_SmallWorld_BlenderBuildsTheDocumentedTerrainAndMarkers()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new BlenderExporter(), source);
        using var scene = files.Json("blender.json");
        var grid = scene.RootElement.GetProperty("grid");
        int columns = grid.GetProperty("columns").GetInt32(), rows = grid.GetProperty("rows").GetInt32();
        Assert.Equal((128, 96), (columns, rows));
        Assert.Equal((127 * 20, 95 * 20), (grid.GetProperty("sizeX").GetInt32(), grid.GetProperty("sizeY").GetInt32()));

        using var report = BlenderRun.Check(files);
        var built = report.RootElement;

        Assert.Equal(columns * rows, built.GetProperty("vertices").GetInt32());
        Assert.Equal((columns - 1) * (rows - 1), built.GetProperty("faces").GetInt32());
        Assert.Equal(built.GetProperty("faces").GetInt32(), built.GetProperty("upFacing").GetInt32());
        var heights = source.Heights(columns, rows);
        double sea = source.Heightmap.SeaLevel;
        double[] min = [0, 0, (heights.Min() - sea) / 64], max = [127 * 20, 95 * 20, (heights.Max() - sea) / 64];
        for (var axis = 0; axis < 3; axis++)
        {
            Assert.Equal(min[axis], built.GetProperty("min")[axis].GetDouble(), 2);
            Assert.Equal(max[axis], built.GetProperty("max")[axis].GetDouble(), 2);
        }

        var biomes = files.Bytes("biomes.raw").Distinct().Order().Select(b => "biome_" + BiomeNames.ToName((Biome)b)).ToList();
        Assert.True(biomes.Count > 2, "a generated continent has several biomes");
        Assert.Equal(biomes, built.GetProperty("materials").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(biomes.Count, built.GetProperty("materialIndices").GetArrayLength());

        var settlements = built.GetProperty("settlements").EnumerateArray().ToList();
        Assert.Equal(source.World.Settlements.Count, settlements.Count);
        Assert.Equal(source.World.Settlements.Count + source.World.PointsOfInterest.Count, built.GetProperty("empties").GetInt32());
        var byId = settlements.ToDictionary(s => s.GetProperty("properties").GetProperty("id").GetString()!);
        foreach (var settlement in source.World.Settlements)
        {
            var empty = byId[settlement.Id];
            Assert.Equal("EMPTY", empty.GetProperty("type").GetString());
            Assert.Equal(settlement.Name, empty.GetProperty("object").GetString());
            Assert.Equal(settlement.Population, empty.GetProperty("properties").GetProperty("population").GetInt32());
            Assert.Equal(settlement.FactionId ?? "", empty.GetProperty("properties").GetProperty("faction").GetString());
            var location = empty.GetProperty("location");
            Assert.Equal(settlement.Location.X * 20, location[0].GetDouble(), 3);
            Assert.Equal((95 - settlement.Location.Y) * 20, location[1].GetDouble(), 3);
            Assert.Equal((source.Heightmap[settlement.Location.X, settlement.Location.Y] - sea) / 64, location[2].GetDouble(), 3);
        }

        Assert.Equal(source.World.PointsOfInterest.Count, built.GetProperty("pointsOfInterest").GetArrayLength());
    }

    [Fact]
    public void Export_SmallWorld_RawFilesHoldTheGridNorthRowFirst()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new BlenderExporter(), source);

        var raw = files.Bytes("heightmap.raw");
        var heights = source.Heights(128, 96);
        Assert.Equal(heights.Length * 2, raw.Length);
        Assert.All(Enumerable.Range(0, heights.Length), i => Assert.Equal(heights[i], BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(i * 2))));
        // One vertex per cell: face (x, y) covers cells x..x+1, y..y+1 and takes the cell nearest its centre.
        var faces = files.Bytes("biomes.raw");
        Assert.Equal((byte)source.Biomes[1, 1], faces[127 + 1]);
        Assert.Contains("128 x 96 vertices", files.Text("README.txt"), StringComparison.Ordinal);
        using var scene = files.Json("blender.json");
        Assert.Equal(source.Heightmap.SeaLevel.ToString(CultureInfo.InvariantCulture), scene.RootElement.GetProperty("seaLevel").GetRawText());
    }

    [Fact]
    public void Export_SameWorldTwice_IdenticalBytes()
    {
        var source = ExportWorlds.Source();

        ExportWorlds.Export(new BlenderExporter(), source).AssertSameAs(ExportWorlds.Export(new BlenderExporter(), source.Fresh()));
        Assert.IsType<BlenderExporter>(ExportEngines.Exporter(ExportEngines.Blender));
    }
}
