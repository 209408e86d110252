using System.Text.Json;
using System.Text.RegularExpressions;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.GameMaker;

namespace Worldloom.Forge.Export.Tests.GameMaker;

public sealed class GameMakerExporterTests
{
    [Fact]
    public void Export_EveryYyFile_IsStrictJsonWithEachRecordStartingWithItsTag()
    {
        var files = ExportWorlds.Export(new GameMakerExporter(), ExportWorlds.Source());

        var documents = YyFiles(files).ToList();
        Assert.Equal(8, documents.Count);
        foreach (var (path, root) in documents)
        {
            foreach (var record in Descendants(root).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("resourceType", out _)))
            {
                var type = record.GetProperty("resourceType").GetString();
                Assert.True(record.EnumerateObject().First().Name == "$" + type, $"{path}: a {type} record does not start with its tag");
            }
        }
    }

    [Fact]
    public void Export_EveryReference_NamesAnExportedFile()
    {
        var files = ExportWorlds.Export(new GameMakerExporter(), ExportWorlds.Source());

        var references = 0;
        foreach (var (path, root) in YyFiles(files))
        {
            foreach (var reference in Descendants(root).Where(IsReference))
            {
                var target = reference.GetProperty("path").GetString()!;
                if (target.StartsWith("texturegroups/", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.True(files.Has(target), $"{path} references {target}, which is not exported");
                references++;
            }
        }

        Assert.True(references > 10);
        var room = Json(files, "rooms/rm_world/rm_world.yy");
        Assert.True(files.Has(room.GetProperty("creationCodeFile").GetString()!));
    }

    [Fact]
    public void Export_Project_ListsEveryAssetAndStartsWithTheRoom()
    {
        var files = ExportWorlds.Export(new GameMakerExporter(), ExportWorlds.Source());

        var project = Json(files, "Worldloom.yyp");
        var listed = project.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetProperty("path").GetString()).Order();
        var assets = files.Files.Select(f => f.Path["gamemaker/".Length..]).Where(p => p.EndsWith(".yy", StringComparison.Ordinal)).Order();
        Assert.Equal(assets, listed);
        var first = Assert.Single(project.GetProperty("RoomOrderNodes").EnumerateArray());
        Assert.Equal("rooms/rm_world/rm_world.yy", first.GetProperty("roomId").GetProperty("path").GetString());
    }

    [Fact]
    public void Export_Sprites_HaveTheirFramePicturesAtTheirSize()
    {
        var files = ExportWorlds.Export(new GameMakerExporter(), ExportWorlds.Source());

        foreach (var name in new[] { "spr_biomes", "spr_settlement", "spr_poi" })
        {
            var sprite = Json(files, $"sprites/{name}/{name}.yy");
            var frame = Assert.Single(sprite.GetProperty("frames").EnumerateArray()).GetProperty("name").GetString();
            var layer = Assert.Single(sprite.GetProperty("layers").EnumerateArray()).GetProperty("name").GetString();
            foreach (var picture in new[] { $"sprites/{name}/{frame}.png", $"sprites/{name}/layers/{frame}/{layer}.png" })
            {
                var png = DecodedPng.Header(files.Bytes(picture));
                Assert.Equal((sprite.GetProperty("width").GetInt32(), sprite.GetProperty("height").GetInt32()), (png.Width, png.Height));
            }
        }
    }

    [Fact]
    public void Export_TileLayer_HoldsEveryGridTileAsBiomePlusOne()
    {
        var source = ExportWorlds.Source();
        var grid = source.Grid;

        var files = ExportWorlds.Export(new GameMakerExporter(), source);

        var room = Json(files, "rooms/rm_world/rm_world.yy");
        var layer = room.GetProperty("layers").EnumerateArray().Single(l => l.TryGetProperty("$GMRTileLayer", out _));
        var tiles = layer.GetProperty("tiles");
        Assert.Equal((grid.Columns, grid.Rows), (tiles.GetProperty("SerialiseWidth").GetInt32(), tiles.GetProperty("SerialiseHeight").GetInt32()));
        Assert.Equal(1, tiles.GetProperty("TileDataFormat").GetInt32());
        var cells = Decompress(tiles.GetProperty("TileCompressedData").EnumerateArray().Select(v => v.GetInt32()).ToList());
        Assert.Equal(grid.Tiles.ToArray().Select(t => t + 1), cells);
        var tileset = Json(files, layer.GetProperty("tilesetId").GetProperty("path").GetString()!);
        var tileCount = tileset.GetProperty("tile_count").GetInt32();
        Assert.All(cells, c => Assert.InRange(c, 1, tileCount - 1));
        var sprite = Json(files, tileset.GetProperty("spriteId").GetProperty("path").GetString()!);
        Assert.Equal(tileCount * 16, sprite.GetProperty("width").GetInt32());
        var roomSettings = room.GetProperty("roomSettings");
        Assert.Equal((grid.Columns * 16, grid.Rows * 16), (roomSettings.GetProperty("Width").GetInt32(), roomSettings.GetProperty("Height").GetInt32()));
    }

    [Fact]
    public void Export_InstanceLayer_HasAnInstancePerSettlementAndPoiWithItsDataInTheCreationCode()
    {
        var source = ExportWorlds.Source();
        var world = source.World;

        var files = ExportWorlds.Export(new GameMakerExporter(), source);

        var room = Json(files, "rooms/rm_world/rm_world.yy");
        var instances = room.GetProperty("layers").EnumerateArray().Single(l => l.TryGetProperty("$GMRInstanceLayer", out _))
            .GetProperty("instances").EnumerateArray().ToList();
        var objects = instances.Select(i => i.GetProperty("objectId").GetProperty("name").GetString()).ToList();
        Assert.Equal(world.Settlements.Count, objects.Count(o => o == "obj_settlement"));
        Assert.Equal(world.PointsOfInterest.Count, objects.Count(o => o == "obj_poi"));
        var names = instances.Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(names, room.GetProperty("instanceCreationOrder").EnumerateArray().Select(o => o.GetProperty("name").GetString()));

        var code = files.Text("rooms/rm_world/RoomCreationCode.gml");
        var assignments = Regex.Matches(code, @"^with \((inst_[0-9A-F]{8})\) \{ (?:settlement|poi)_id = ""([^""]+)"";", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var ids = world.Settlements.Select(s => (s.Id, s.Location)).Concat(world.PointsOfInterest.Select(p => (p.Id, p.Location))).ToList();
        Assert.Equal(ids.Select(i => i.Id), names.Select(n => assignments[n]));
        foreach (var (instance, (_, location)) in instances.Zip(ids))
        {
            Assert.Equal((location.X * 16) + 8, instance.GetProperty("x").GetDouble());
            Assert.Equal((location.Y * 16) + 8, instance.GetProperty("y").GetDouble());
        }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 1, 2, 2, 3 })]
    [InlineData(new byte[] { 5 })]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 4, 4 })]
    public void CompressedArray_DecodesToTheTilesPlusOne(byte[] biomes)
    {
        var array = JsonDocument.Parse(GameMakerTileData.CompressedArray(biomes)).RootElement.EnumerateArray().Select(v => v.GetInt32()).ToList();

        Assert.Equal(biomes.Select(b => b + 1), Decompress(array));
    }

    [Fact]
    public void Export_TwiceFromFreshSources_GivesTheSameBytes()
    {
        var source = ExportWorlds.Source();

        var first = ExportWorlds.Export(new GameMakerExporter(), new ExportSource(source.World, source.Document));
        var second = ExportWorlds.Export(new GameMakerExporter(), new ExportSource(source.World, source.Document));

        first.AssertSameAs(second);
    }

    // GameMaker's run-length form: -n then a value repeated n times, or n then n values.
    private static List<int> Decompress(IReadOnlyList<int> data)
    {
        var cells = new List<int>();
        var i = 0;
        while (i < data.Count)
        {
            var count = data[i++];
            Assert.NotEqual(0, count);
            if (count < 0)
            {
                cells.AddRange(Enumerable.Repeat(data[i++], -count));
            }
            else
            {
                cells.AddRange(data.Skip(i).Take(count));
                i += count;
            }
        }

        return cells;
    }

    private static IEnumerable<(string Path, JsonElement Root)> YyFiles(EngineFiles files) =>
        files.Files
            .Select(f => f.Path["gamemaker/".Length..])
            .Where(p => p.EndsWith(".yy", StringComparison.Ordinal) || p.EndsWith(".yyp", StringComparison.Ordinal))
            .Select(p => (p, Json(files, p)));

    // Strict: JsonDocument's defaults allow no trailing commas and no comments.
    private static JsonElement Json(EngineFiles files, string path) => JsonDocument.Parse(files.Bytes(path)).RootElement;

    private static bool IsReference(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.EnumerateObject().Select(p => p.Name).SequenceEqual(["name", "path"])
        && element.GetProperty("path").ValueKind == JsonValueKind.String;

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
