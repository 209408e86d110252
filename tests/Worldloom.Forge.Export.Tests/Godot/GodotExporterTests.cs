using System.Buffers.Binary;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Godot;
using Worldloom.Forge.Export.Tests.Terrain;

namespace Worldloom.Forge.Export.Tests.Godot;

public sealed class GodotExporterTests
{
    private const int TileSize = 16;

    [Fact]
    public void Export_SmallWorld_WritesTheProjectFiles()
    {
        var files = ExportWorlds.Export(new GodotExporter(), ExportWorlds.Source());

        Assert.Equal(
            ["godot/README.txt", "godot/biomes.png", "godot/biomes.tres", "godot/heightmap.png", "godot/project.godot", "godot/world.tscn"],
            files.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(ExportEngines.Godot, ExportEngines.Exporter(ExportEngines.Godot).Engine);
    }

    [Fact]
    public void Export_SmallWorld_ProjectNamesTheWorldAndRunsItsScene()
    {
        var files = ExportWorlds.Export(new GodotExporter(), ExportWorlds.Source());

        var project = GodotTextResource.Parse(files.Text("project.godot"));
        Assert.Equal("5", Assert.Single(project.All("")).Property("config_version"));
        var application = Assert.Single(project.All("application"));
        Assert.Equal("Worldloom dragon coast", GodotTextResource.Unquote(application.Property("config/name")));
        var scene = GodotTextResource.Unquote(application.Property("run/main_scene"));
        Assert.True(files.Has(scene["res://".Length..]), $"{scene} is not exported");
    }

    [Fact]
    public void Export_SmallWorld_EveryResourceReferenceResolves()
    {
        var files = ExportWorlds.Export(new GodotExporter(), ExportWorlds.Source());

        foreach (var path in new[] { "world.tscn", "biomes.tres" })
        {
            var resource = GodotTextResource.Parse(files.Text(path));
            var external = resource.All("ext_resource").ToDictionary(r => r.Attribute("id"), r => r.Attribute("path"));
            var internalIds = resource.All("sub_resource").Select(r => r.Attribute("id")).ToHashSet();
            Assert.NotEmpty(external);
            foreach (var target in external.Values)
            {
                Assert.StartsWith("res://", target, StringComparison.Ordinal);
                Assert.True(files.Has(target["res://".Length..]), $"{path} refers to {target}, which is not exported");
            }

            var references = resource.Sections.SelectMany(s => s.Properties).Select(p => p.Value).ToList();
            foreach (var value in references.Where(v => v.StartsWith("ExtResource(", StringComparison.Ordinal)))
            {
                Assert.Contains(GodotTextResource.Unquote(Assert.Single(GodotTextResource.Arguments(value, "ExtResource"))), external.Keys);
            }

            foreach (var value in references.Where(v => v.StartsWith("SubResource(", StringComparison.Ordinal)))
            {
                Assert.Contains(GodotTextResource.Unquote(Assert.Single(GodotTextResource.Arguments(value, "SubResource"))), internalIds);
            }

            // Every ext_resource is used.
            Assert.Equal(external.Count, references.Count(v => v.StartsWith("ExtResource(", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Export_SmallWorld_TileMapDataDecodesToEveryGridCellWithItsBiome() =>
        AssertTileMap(ExportWorlds.Source());

    [Fact]
    public void Export_WorldWiderThanTheGridCap_TilesCoverSeveralCells()
    {
        var source = ExportWorlds.Source("wide godot", 1100, 64);
        Assert.Equal(3, source.Grid.Scale);

        AssertTileMap(source);
    }

    [Fact]
    public void Export_SmallWorld_TileSetHasOneTilePerBiomeOverItsAtlas()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new GodotExporter(), source);

        var tileSet = GodotTextResource.Parse(files.Text("biomes.tres"));
        Assert.Equal("TileSet", Assert.Single(tileSet.All("gd_resource")).Attribute("type"));
        var resource = Assert.Single(tileSet.All("resource"));
        Assert.Equal("Vector2i(16, 16)", resource.Property("tile_size"));
        var atlas = Assert.Single(tileSet.All("sub_resource"));
        Assert.Equal("TileSetAtlasSource", atlas.Attribute("type"));
        Assert.Equal($"SubResource(\"{atlas.Attribute("id")}\")", resource.Property("sources/0"));
        Assert.Equal("Vector2i(16, 16)", atlas.Property("texture_region_size"));

        var tiles = atlas.Properties.Where(p => p.Key.EndsWith(":0/0", StringComparison.Ordinal)).Select(p => int.Parse(p.Key.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, source.Tileset.Count), tiles);
        Assert.Equal("\"ocean\"", atlas.Property("0:0/0/custom_data_0"));

        var image = PngImage.Read(files.Bytes("biomes.png"));
        Assert.Equal((source.Tileset.Count * TileSize, TileSize), (image.Width, image.Height));
    }

    [Fact]
    public void Export_SmallWorld_OneMarkerPerSettlementWithItsMetadata()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new GodotExporter(), source);

        var scene = GodotTextResource.Parse(files.Text("world.tscn"));
        Assert.Equal("Node2D", scene.Node("Settlements", ".").Attribute("type"));
        var markers = scene.All("node").Where(n => n.Attributes.GetValueOrDefault("parent") == "\"Settlements\"").ToList();
        Assert.NotEmpty(source.World.Settlements);
        Assert.Equal(source.World.Settlements.Count, markers.Count);
        foreach (var (settlement, marker) in source.World.Settlements.Zip(markers))
        {
            Assert.Equal("Marker2D", marker.Attribute("type"));
            Assert.Equal(settlement.Id, GodotTextResource.Unquote(marker.Property("metadata/id")));
            Assert.Equal(settlement.Name, GodotTextResource.Unquote(marker.Property("metadata/name")));
            Assert.Equal(settlement.FactionId ?? "", GodotTextResource.Unquote(marker.Property("metadata/faction")));
            Assert.Equal(settlement.Population.ToString(System.Globalization.CultureInfo.InvariantCulture), marker.Property("metadata/population"));
            Assert.Equal(settlement.IsCapital ? "true" : "false", marker.Property("metadata/capital"));
            Assert.Equal($"Vector2({(settlement.Location.X * TileSize) + 8}, {(settlement.Location.Y * TileSize) + 8})", marker.Property("position"));
        }
    }

    [Fact]
    public void Export_SmallWorld_OneMarkerPerPointOfInterestWithItsHook()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new GodotExporter(), source);

        var scene = GodotTextResource.Parse(files.Text("world.tscn"));
        var markers = scene.All("node").Where(n => n.Attributes.GetValueOrDefault("parent") == "\"PointsOfInterest\"").ToList();
        Assert.NotEmpty(source.World.PointsOfInterest);
        Assert.Equal(source.World.PointsOfInterest.Select(p => p.Id), markers.Select(m => GodotTextResource.Unquote(m.Property("metadata/id"))));
        Assert.Equal(source.World.PointsOfInterest.Select(p => p.Hook.Text), markers.Select(m => GodotTextResource.Unquote(m.Property("metadata/hook"))));
        Assert.All(markers, m => Assert.Equal("Marker2D", m.Attribute("type")));
    }

    [Fact]
    public void Export_SmallWorld_HeightmapIs16BitAtWorldSizeUnderTheTiles()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new GodotExporter(), source);

        var image = PngImage.Read(files.Bytes("heightmap.png"));
        Assert.Equal((source.Heightmap.Width, source.Heightmap.Height, 16), (image.Width, image.Height, image.BitDepth));
        Assert.Equal(source.Heightmap.Cells.ToArray(), image.Gray16());

        var scene = GodotTextResource.Parse(files.Text("world.tscn"));
        var sprite = scene.Node("Heightmap", ".");
        Assert.Equal("Sprite2D", sprite.Attribute("type"));
        var texture = GodotTextResource.Unquote(Assert.Single(GodotTextResource.Arguments(sprite.Property("texture"), "ExtResource")));
        Assert.Equal("res://heightmap.png", scene.All("ext_resource").Single(r => r.Attribute("id") == texture).Attribute("path"));
        var nodes = scene.All("node").Select(n => n.Attribute("name")).ToList();
        Assert.True(nodes.IndexOf("Heightmap") < nodes.IndexOf("Terrain"), "the heightmap is drawn under the tiles");
    }

    [Fact]
    public void Export_SameWorldTwice_IdenticalBytes()
    {
        var source = ExportWorlds.Source();

        ExportWorlds.Export(new GodotExporter(), source).AssertSameAs(ExportWorlds.Export(new GodotExporter(), source.Fresh()));
    }

    [Fact]
    public void Quote_NameWithQuotesAndBackslashes_ReadsBackUnchanged()
    {
        const string name = "Ælfwyn \"the Bold\" of C:\\Fen\nline two";

        Assert.Equal(name, GodotTextResource.Unquote(GodotText.Quote(name)));
    }

    [Theory]
    [InlineData("settlement-12", "settlement-12")]
    [InlineData("a.b:c@d/e\"f%g h", "a_b_c_d_e_f_g_h")]
    public void NodeName_Id_KeepsOnlyCharactersGodotAllowsInNames(string id, string expected) =>
        Assert.Equal(expected, GodotText.NodeName(id));

    // Decodes tile_map_data by Godot's layout (tile_map_layer.cpp): uint16 format 0, then per cell int16 x, int16 y,
    // uint16 source, atlas x, atlas y, alternative, all little-endian.
    private static void AssertTileMap(ExportSource source)
    {
        var files = ExportWorlds.Export(new GodotExporter(), source);
        var scene = GodotTextResource.Parse(files.Text("world.tscn"));
        var layer = scene.Node("Terrain", ".");
        Assert.Equal("TileMapLayer", layer.Attribute("type"));
        var data = Convert.FromBase64String(GodotTextResource.Unquote(Assert.Single(GodotTextResource.Arguments(layer.Property("tile_map_data"), "PackedByteArray"))));

        var grid = source.Grid;
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(data));
        Assert.Equal(0, (data.Length - 2) % 12);
        Assert.Equal(grid.Columns * grid.Rows, (data.Length - 2) / 12);
        var seen = new bool[grid.Columns, grid.Rows];
        for (var at = 2; at < data.Length; at += 12)
        {
            var cell = data.AsSpan(at, 12);
            int x = BinaryPrimitives.ReadInt16LittleEndian(cell), y = BinaryPrimitives.ReadInt16LittleEndian(cell[2..]);
            Assert.InRange(x, 0, grid.Columns - 1);
            Assert.InRange(y, 0, grid.Rows - 1);
            Assert.False(seen[x, y], $"cell ({x}, {y}) twice");
            seen[x, y] = true;
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(cell[4..]));
            Assert.Equal((int)grid[x, y], BinaryPrimitives.ReadUInt16LittleEndian(cell[6..]));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(cell[8..]));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(cell[10..]));
        }

        var scale = GodotTextResource.Arguments(scene.Node("Heightmap", ".").Property("scale"), "Vector2");
        Assert.Equal(16.0 / grid.Scale, double.Parse(scale[0], System.Globalization.CultureInfo.InvariantCulture), 3);
    }
}
