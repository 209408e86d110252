using System.Globalization;
using System.Text.RegularExpressions;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Defold;

namespace Worldloom.Forge.Export.Tests.Defold;

public sealed class DefoldExporterTests
{
    [Fact]
    public void Export_References_ResolveFromProjectToCollectionToTilemapToTilesourceToImage()
    {
        var files = ExportWorlds.Export(new DefoldExporter(), ExportWorlds.Source());

        var project = files.Text("game.project");
        var main = Regex.Match(project, @"^main_collection = (\S+)c$", RegexOptions.Multiline).Groups[1].Value;
        var collection = ProtoText.Parse(files.Text(File(files, main)));
        var terrain = collection.Messages("embedded_instances").Single(i => i.Scalar("id") == "terrain");
        var tilemapPath = ProtoText.Parse(terrain.Scalar("data")).Message("components").Scalar("component");
        var tilemap = ProtoText.Parse(files.Text(File(files, tilemapPath)));
        var tilesource = ProtoText.Parse(files.Text(File(files, tilemap.Scalar("tile_set"))));
        var image = DecodedPng.Header(files.Bytes(File(files, tilesource.Scalar("image"))));
        Assert.Equal(BiomeTileset.TileSize, int.Parse(tilesource.Scalar("tile_width"), CultureInfo.InvariantCulture));
        Assert.Equal(BiomeTileset.TileSize, image.Height);
    }

    [Fact]
    public void Export_Tilemap_HasOneCellPerGridTileWithYUp()
    {
        var source = ExportWorlds.Source();
        var grid = source.Grid;

        var files = ExportWorlds.Export(new DefoldExporter(), source);

        var tilemap = ProtoText.Parse(files.Text("worldloom/world.tilemap"));
        var cells = Assert.Single(tilemap.Messages("layers")).Messages("cell").ToList();
        Assert.Equal(grid.Columns * grid.Rows, cells.Count);
        var seen = new HashSet<(int, int)>();
        foreach (var cell in cells)
        {
            var x = Int(cell.Scalar("x"));
            var y = Int(cell.Scalar("y"));
            Assert.InRange(x, 0, grid.Columns - 1);
            Assert.InRange(y, 0, grid.Rows - 1);
            Assert.True(seen.Add((x, y)), $"cell ({x}, {y}) is written twice");
            Assert.Equal((int)grid[x, grid.Rows - 1 - y], Int(cell.Scalar("tile")));
        }

        var image = DecodedPng.Header(files.Bytes("worldloom/biomes.png"));
        var tileCount = image.Width / BiomeTileset.TileSize;
        Assert.All(cells, c => Assert.InRange(Int(c.Scalar("tile")), 0, tileCount - 1));
    }

    [Fact]
    public void Export_Collection_HasAGameObjectPerSettlementAtItsTileRunningTheScript()
    {
        var source = ExportWorlds.Source();
        var grid = source.Grid;

        var files = ExportWorlds.Export(new DefoldExporter(), source);

        var collection = ProtoText.Parse(files.Text("worldloom/world.collection"));
        var settlements = collection.Messages("embedded_instances").Where(i => i.Scalar("id") != "terrain").ToList();
        Assert.Equal(source.World.Settlements.Select(s => s.Id), settlements.Select(i => i.Scalar("id")));
        var declared = Regex.Matches(files.Text("worldloom/settlement.script"), @"go\.property\(""(\w+)""").Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var (settlement, instance) in source.World.Settlements.Zip(settlements))
        {
            var position = instance.Message("position");
            Assert.Equal((settlement.Location.X * 16) + 8, Number(position.Scalar("x")));
            Assert.Equal(((grid.Rows - 1 - settlement.Location.Y) * 16) + 8, Number(position.Scalar("y")));
            var component = ProtoText.Parse(instance.Scalar("data")).Message("components");
            Assert.True(files.Has(File(files, component.Scalar("component"))));
            var properties = component.Messages("properties").ToDictionary(p => p.Scalar("id"), p => p.Scalar("value"));
            Assert.Subset(declared, properties.Keys.ToHashSet());
            Assert.Equal(settlement.Id, properties["settlement_id"]);
            Assert.Equal(settlement.Population, Number(properties["population"]));
            Assert.Equal(settlement.IsCapital ? "true" : "false", properties["capital"]);
        }
    }

    [Fact]
    public void Export_SettlementData_ListsEverySettlementByIdAndName()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new DefoldExporter(), source);

        var lua = files.Text("worldloom/settlements.lua");
        var entries = Regex.Matches(lua, @"\{ id = ""([^""]+)"", name = ""([^""]*)""").Select(m => (m.Groups[1].Value, m.Groups[2].Value));
        Assert.Equal(source.World.Settlements.Select(s => (s.Id, s.Name)), entries);
    }

    [Fact]
    public void Export_BigWorld_TilemapFollowsTheScaledGrid()
    {
        var source = ExportWorlds.Source(width: 1100, height: 64);

        var files = ExportWorlds.Export(new DefoldExporter(), source);

        var cells = ProtoText.Parse(files.Text("worldloom/world.tilemap")).Message("layers").Messages("cell").Count();
        Assert.Equal(source.Grid.Columns * source.Grid.Rows, cells);
        Assert.Contains($"max_tile_count = {cells}", files.Text("game.project"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ælfwyn's \"Rest\" \\ North\nGate")]
    [InlineData("plain")]
    public void Quote_ReadBackByAProtobufTextParser_GivesTheSameString(string text)
    {
        var parsed = ProtoText.Parse($"name: {DefoldText.Quote(text)}");

        Assert.Equal(text, parsed.Scalar("name"));
    }

    [Fact]
    public void Export_TwiceFromFreshSources_GivesTheSameBytes()
    {
        var source = ExportWorlds.Source();

        var first = ExportWorlds.Export(new DefoldExporter(), new ExportSource(source.World, source.Document));
        var second = ExportWorlds.Export(new DefoldExporter(), new ExportSource(source.World, source.Document));

        first.AssertSameAs(second);
    }

    // A Defold resource path ("/worldloom/x") as a path in the engine folder, failing when it names no exported file.
    private static string File(EngineFiles files, string resource)
    {
        Assert.StartsWith("/", resource, StringComparison.Ordinal);
        var path = resource[1..];
        Assert.True(files.Has(path), $"{resource} is referenced but not exported");
        return path;
    }

    private static int Int(string token) => int.Parse(token, CultureInfo.InvariantCulture);

    private static int Number(string token) => (int)decimal.Parse(token, CultureInfo.InvariantCulture);
}
