using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Tiled;

namespace Worldloom.Forge.Export.Tests.Tiled;

public sealed class TiledExporterTests
{
    private static readonly string[] ObjectLayers = ["settlements", "npc_spawns", "pois", "roads", "rivers"];

    [Fact]
    public void Export_Tmx_IsAnOrthogonalMapOfTheGridWithTheTerrainAsGids()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var map = XDocument.Parse(files.Text("world.tmx")).Root!;
        Assert.Equal("map", map.Name.LocalName);
        Assert.Equal("orthogonal", (string?)map.Attribute("orientation"));
        Assert.Equal(source.Grid.Columns, (int)map.Attribute("width")!);
        Assert.Equal(source.Grid.Rows, (int)map.Attribute("height")!);
        Assert.Equal(16, (int)map.Attribute("tilewidth")!);
        Assert.Equal(16, (int)map.Attribute("tileheight")!);
        var tileset = Assert.Single(map.Elements("tileset"));
        Assert.Equal(1, (int)tileset.Attribute("firstgid")!);
        Assert.True(files.Has((string)tileset.Attribute("source")!));
        var data = map.Element("layer")!.Element("data")!;
        Assert.Equal(("base64", "zlib"), ((string?)data.Attribute("encoding"), (string?)data.Attribute("compression")));
        Assert.Equal(ExpectedGids(source.Grid), TiledGids.Decode(data.Value));
    }

    [Fact]
    public void Export_Tmx_HasMapPropertiesNamingTheWorld()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var properties = Properties(XDocument.Parse(files.Text("world.tmx")).Root!);
        Assert.Equal(source.World.Seed.Text, properties["seed"]);
        Assert.Equal(source.Hash, properties["world_hash"]);
        Assert.Equal("forge/1", properties["generator"]);
        Assert.Equal("1", properties["cells_per_tile"]);
    }

    [Fact]
    public void Export_Tmx_HasOneObjectPerSettlementNpcPoiRoadAndRiver()
    {
        var source = ExportWorlds.Source();
        var world = source.World;

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var map = XDocument.Parse(files.Text("world.tmx")).Root!;
        var groups = map.Elements("objectgroup").ToDictionary(g => (string)g.Attribute("name")!);
        Assert.Equal(ObjectLayers, groups.Keys);
        Assert.Equal(world.Settlements.Select(s => s.Id), groups["settlements"].Elements("object").Select(o => Properties(o)["id"]));
        Assert.Equal(world.Npcs.Select(n => n.Id), groups["npc_spawns"].Elements("object").Select(o => Properties(o)["id"]));
        Assert.Equal(world.PointsOfInterest.Select(p => p.Id), groups["pois"].Elements("object").Select(o => Properties(o)["id"]));
        Assert.Equal(world.Roads.Select(r => r.Id), groups["roads"].Elements("object").Select(o => Properties(o)["id"]));
        Assert.Equal(source.Hydrology.Rivers.Select(r => r.Id), groups["rivers"].Elements("object").Select(o => Properties(o)["id"]));
        var ids = map.Descendants("object").Select(o => (int)o.Attribute("id")!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Max() + 1, (int)map.Attribute("nextobjectid")!);
        Assert.All(groups["settlements"].Elements("object").Concat(groups["pois"].Elements("object")), o => Assert.NotNull(o.Element("point")));
        Assert.All(groups["roads"].Elements("object").Concat(groups["rivers"].Elements("object")), o => Assert.NotNull(o.Element("polyline")));
    }

    [Fact]
    public void Export_SettlementObject_SitsAtItsTileCentreWithItsProperties()
    {
        var source = ExportWorlds.Source();
        var capital = source.World.Settlements.First(s => s.IsCapital);

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var map = XDocument.Parse(files.Text("world.tmx")).Root!;
        var element = map.Descendants("object").Single(o => (string?)o.Attribute("type") == "settlement" && Properties(o)["id"] == capital.Id);
        Assert.Equal(capital.Name, (string?)element.Attribute("name"));
        Assert.Equal((capital.Location.X * 16) + 8, (int)element.Attribute("x")!);
        Assert.Equal((capital.Location.Y * 16) + 8, (int)element.Attribute("y")!);
        var properties = Properties(element);
        Assert.Equal(capital.Population.ToString(CultureInfo.InvariantCulture), properties["population"]);
        Assert.Equal("true", properties["capital"]);
        Assert.Equal(capital.FactionId, properties["faction"]);
        Assert.Equal(capital.Culture, properties["culture"]);
        var population = element.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == "population");
        Assert.Equal("int", (string?)population.Attribute("type"));
    }

    [Fact]
    public void Export_RoadPolyline_RunsFromItsFirstToItsLastSettlement()
    {
        var source = ExportWorlds.Source();
        var road = source.World.Roads[0];
        var from = source.World.Settlements.Single(s => s.Id == road.From);
        var to = source.World.Settlements.Single(s => s.Id == road.To);

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var element = XDocument.Parse(files.Text("world.tmx")).Root!.Descendants("object")
            .Single(o => (string?)o.Attribute("type") == "road" && Properties(o)["id"] == road.Id);
        var x = (int)element.Attribute("x")!;
        var y = (int)element.Attribute("y")!;
        var points = ((string)element.Element("polyline")!.Attribute("points")!).Split(' ')
            .Select(p => p.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal([0, 0], points[0]);
        Assert.Equal(((from.Location.X * 16) + 8, (from.Location.Y * 16) + 8), (x, y));
        Assert.Equal(((to.Location.X * 16) + 8, (to.Location.Y * 16) + 8), (x + points[^1][0], y + points[^1][1]));
    }

    [Fact]
    public void Export_Tmj_SaysWhatTheTmxSays()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var tmx = XDocument.Parse(files.Text("world.tmx")).Root!;
        using var tmj = JsonDocument.Parse(files.Bytes("world.tmj"));
        var map = tmj.RootElement;
        Assert.Equal("map", map.GetProperty("type").GetString());
        Assert.Equal(source.Grid.Columns, map.GetProperty("width").GetInt32());
        Assert.Equal(source.Grid.Rows, map.GetProperty("height").GetInt32());
        var tileset = Assert.Single(map.GetProperty("tilesets").EnumerateArray());
        Assert.Equal((1, "biomes.tsx"), (tileset.GetProperty("firstgid").GetInt32(), tileset.GetProperty("source").GetString()));
        var layers = map.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(["terrain", .. ObjectLayers], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(("base64", "zlib"), (layers[0].GetProperty("encoding").GetString(), layers[0].GetProperty("compression").GetString()));
        Assert.Equal(ExpectedGids(source.Grid), TiledGids.Decode(layers[0].GetProperty("data").GetString()!));
        var tmxObjects = tmx.Descendants("object").ToList();
        var tmjObjects = layers.Skip(1).SelectMany(l => l.GetProperty("objects").EnumerateArray()).ToList();
        Assert.Equal(tmxObjects.Count, tmjObjects.Count);
        foreach (var (xml, json) in tmxObjects.Zip(tmjObjects))
        {
            Assert.Equal((int)xml.Attribute("id")!, json.GetProperty("id").GetInt32());
            Assert.Equal((string?)xml.Attribute("name"), json.GetProperty("name").GetString());
            Assert.Equal((int)xml.Attribute("x")!, json.GetProperty("x").GetInt32());
            Assert.Equal((int)xml.Attribute("y")!, json.GetProperty("y").GetInt32());
            Assert.Equal(Properties(xml), json.GetProperty("properties").EnumerateArray().ToDictionary(
                p => p.GetProperty("name").GetString()!,
                p => p.GetProperty("value").ValueKind switch
                {
                    JsonValueKind.String => p.GetProperty("value").GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => p.GetProperty("value").GetRawText(),
                }));
        }
    }

    [Fact]
    public void Export_Tsx_HasATilePerBiomeNamingItAndItsImage()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var tileset = XDocument.Parse(files.Text("biomes.tsx")).Root!;
        Assert.Equal(BiomeNames.All.Count, (int)tileset.Attribute("tilecount")!);
        var image = tileset.Element("image")!;
        var png = DecodedPng.Header(files.Bytes((string)image.Attribute("source")!));
        Assert.Equal((int)image.Attribute("width")!, png.Width);
        Assert.Equal((int)image.Attribute("height")!, png.Height);
        Assert.Equal(
            BiomeNames.All,
            tileset.Elements("tile").OrderBy(t => (int)t.Attribute("id")!).Select(t => Properties(t)["biome"]));
    }

    [Fact]
    public void Export_BigWorld_PlacesObjectsOnTheScaledGrid()
    {
        var source = ExportWorlds.Source(width: 1100, height: 64);
        var settlement = source.World.Settlements[0];

        var files = ExportWorlds.Export(new TiledExporter(), source);

        var map = XDocument.Parse(files.Text("world.tmx")).Root!;
        Assert.Equal(3, source.Grid.Scale);
        Assert.Equal(source.Grid.Columns, (int)map.Attribute("width")!);
        Assert.Equal("3", Properties(map)["cells_per_tile"]);
        var element = map.Descendants("object").First(o => (string?)o.Attribute("type") == "settlement");
        Assert.Equal(((settlement.Location.X / 3 * 16) + 8, (settlement.Location.Y / 3 * 16) + 8), ((int)element.Attribute("x")!, (int)element.Attribute("y")!));
        Assert.Equal(source.Grid.Columns * source.Grid.Rows, TiledGids.Decode(map.Element("layer")!.Element("data")!.Value).Length);
    }

    [Fact]
    public void Export_TwiceFromFreshSources_GivesTheSameBytes()
    {
        var source = ExportWorlds.Source();

        var first = ExportWorlds.Export(new TiledExporter(), new ExportSource(source.World, source.Document));
        var second = ExportWorlds.Export(new TiledExporter(), new ExportSource(source.World, source.Document));

        first.AssertSameAs(second);
    }

    private static uint[] ExpectedGids(ExportGrid grid) => [.. grid.Tiles.ToArray().Select(t => (uint)t + 1)];

    private static Dictionary<string, string> Properties(XElement element) =>
        element.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
}
