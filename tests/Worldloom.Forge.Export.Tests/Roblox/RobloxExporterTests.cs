using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Roblox;

namespace Worldloom.Forge.Export.Tests.Roblox;

public sealed class RobloxExporterTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    [Fact]
    public void Export_Model_IsRobloxXmlVersion4WithUniqueReferents()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new RobloxExporter(), source);

        var root = XDocument.Parse(files.Text("world.rbxmx")).Root!;
        Assert.Equal(("roblox", "4"), (root.Name.LocalName, (string?)root.Attribute("version")));
        var referents = root.Descendants("Item").Select(i => (string?)i.Attribute("referent")).ToList();
        Assert.All(referents, r => Assert.False(string.IsNullOrEmpty(r)));
        Assert.Equal(referents.Count, referents.Distinct().Count());
        var model = Assert.Single(root.Elements("Item"));
        Assert.Equal("Model", (string?)model.Attribute("class"));
        Assert.Equal($"Worldloom {source.Hash[..12]}", Name(model));
        Assert.Equal(source.Hash, Value(Child(model, "WorldHash")));
        Assert.Equal(source.World.Seed.Text, Value(Child(model, "Seed")));
    }

    [Fact]
    public void Export_Folders_HoldAnAnchoredPartPerSettlementAndPoiWithTheirData()
    {
        var source = ExportWorlds.Source();
        var world = source.World;

        var files = ExportWorlds.Export(new RobloxExporter(), source);

        var model = XDocument.Parse(files.Text("world.rbxmx")).Root!.Element("Item")!;
        var settlements = Child(model, "Settlements");
        Assert.Equal("Folder", (string?)settlements.Attribute("class"));
        var parts = settlements.Elements("Item").ToList();
        Assert.All(parts, p => Assert.Equal("Part", (string?)p.Attribute("class")));
        Assert.Equal(world.Settlements.Select(s => s.Name), parts.Select(Name));
        foreach (var (settlement, part) in world.Settlements.Zip(parts))
        {
            Assert.Equal("true", Property(part, "bool", "Anchored"));
            Assert.Equal(settlement.Id, Value(Child(part, "Id")));
            Assert.Equal(settlement.Population.ToString(CultureInfo.InvariantCulture), Value(Child(part, "Population")));
            Assert.Equal("IntValue", (string?)Child(part, "Population").Attribute("class"));
            Assert.Equal(settlement.FactionId ?? "", Value(Child(part, "Faction")));
            Assert.Equal(WorldDocument.SettlementSizeName(settlement.Size), Value(Child(part, "Size")));
            Assert.Equal(settlement.IsCapital ? "true" : "false", Value(Child(part, "Capital")));
        }

        var pois = Child(model, "PointsOfInterest").Elements("Item").ToList();
        Assert.Equal(world.PointsOfInterest.Select(p => p.Id), pois.Select(p => Value(Child(p, "Id"))));
        Assert.Equal(world.PointsOfInterest.Select(p => p.Hook.Text), pois.Select(p => Value(Child(p, "Hook"))));
    }

    [Fact]
    public void Export_TerrainData_HasTheWorldsSizeInRowsOfEncodedSamples()
    {
        var source = ExportWorlds.Source(width: 96, height: 64);

        var files = ExportWorlds.Export(new RobloxExporter(), source);

        var data = TerrainData.Read(files);
        Assert.Equal((96, 64), (data.Width, data.Height));
        Assert.Equal(source.Heightmap.SeaLevel, data.SeaLevel);
        Assert.Equal(source.Biomes.Cells.ToArray(), data.Biomes);
        var expected = source.Heightmap.Cells.ToArray().Select(h => h >> 4 << 4);
        Assert.Equal(expected, data.Elevations);
    }

    [Fact]
    public void Export_BigWorld_DownsamplesTheTerrainToAtMost256Samples()
    {
        var source = ExportWorlds.Source(width: 600, height: 300);

        var files = ExportWorlds.Export(new RobloxExporter(), source);

        var data = TerrainData.Read(files);
        Assert.Equal((256, 128), (data.Width, data.Height));
        Assert.Equal(data.Width * data.Height, data.Elevations.Length);
    }

    [Fact]
    public void Export_Parts_StandOnTheTopOfTheirSampleColumn()
    {
        var source = ExportWorlds.Source(width: 600, height: 300);

        var files = ExportWorlds.Export(new RobloxExporter(), source);

        var data = TerrainData.Read(files);
        var model = XDocument.Parse(files.Text("world.rbxmx")).Root!.Element("Item")!;
        var parts = Child(model, "Settlements").Elements("Item").Concat(Child(model, "PointsOfInterest").Elements("Item")).ToList();
        Assert.NotEmpty(parts);
        foreach (var part in parts)
        {
            var frame = part.Element("Properties")!.Elements("CoordinateFrame").Single(e => (string?)e.Attribute("name") == "CFrame");
            var size = part.Element("Properties")!.Elements("Vector3").Single(e => (string?)e.Attribute("name") == "size");
            var x = Number(frame.Element("X")!);
            var z = Number(frame.Element("Z")!);
            Assert.Equal(0, x % data.CellStuds);
            Assert.Equal(0, z % data.CellStuds);
            var column = (int)(x / data.CellStuds);
            var row = (int)(z / data.CellStuds);
            var top = (data.Elevations[(row * data.Width) + column] - data.SeaLevel) / (decimal)data.UnitsPerStud;
            var bottom = Number(frame.Element("Y")!) - (Number(size.Element("Y")!) / 2);
            Assert.InRange(bottom - top, -0.01m, 0.01m);
        }
    }

    [Fact]
    public void Export_BuildTerrain_FillsTerrainFromTheDataModule()
    {
        var files = ExportWorlds.Export(new RobloxExporter(), ExportWorlds.Source());

        var model = XDocument.Parse(files.Text("world.rbxmx")).Root!.Element("Item")!;
        var builder = Child(model, "BuildTerrain");
        Assert.Equal("ModuleScript", (string?)builder.Attribute("class"));
        var lua = Property(builder, "ProtectedString", "Source");
        Assert.Contains("require(script.Parent.TerrainData)", lua, StringComparison.Ordinal);
        Assert.Contains("workspace.Terrain", lua, StringComparison.Ordinal);
        Assert.Contains(":FillBlock(", lua, StringComparison.Ordinal);
        foreach (var biome in BiomeNames.All)
        {
            Assert.Contains($"\t{biome} = Enum.Material.", lua, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Export_TwiceFromFreshSources_GivesTheSameBytes()
    {
        var source = ExportWorlds.Source();

        var first = ExportWorlds.Export(new RobloxExporter(), new ExportSource(source.World, source.Document));
        var second = ExportWorlds.Export(new RobloxExporter(), new ExportSource(source.World, source.Document));

        first.AssertSameAs(second);
    }

    private static string Name(XElement item) => Property(item, "string", "Name");

    private static string Value(XElement item) => item.Element("Properties")!.Elements().Single(e => (string?)e.Attribute("name") == "Value").Value;

    private static string Property(XElement item, string type, string name) =>
        item.Element("Properties")!.Elements(type).Single(e => (string?)e.Attribute("name") == name).Value;

    private static XElement Child(XElement item, string name) => item.Elements("Item").Single(i => Name(i) == name);

    private static decimal Number(XElement element) => decimal.Parse(element.Value, CultureInfo.InvariantCulture);

    /// <summary>The TerrainData module's table, read back from its Lua source.</summary>
    private sealed record TerrainData(int Width, int Height, int CellStuds, int UnitsPerStud, int SeaLevel, int[] Elevations, byte[] Biomes)
    {
        public static TerrainData Read(EngineFiles files)
        {
            var model = XDocument.Parse(files.Text("world.rbxmx")).Root!.Element("Item")!;
            var lua = Property(Child(model, "TerrainData"), "ProtectedString", "Source");
            int Field(string name) => int.Parse(Regex.Match(lua, $@"^\t{name} = (\d+),$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
            List<string> Rows(string name) =>
                [.. Regex.Match(lua, $@"^\t{name} = \{{\n((?:\t\t""[^""]*"",\n)*)\t\}},$", RegexOptions.Multiline).Groups[1].Value
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Trim(',').Trim('"'))];
            var width = Field("width");
            var height = Field("height");
            Assert.Contains($"alphabet = \"{Alphabet}\"", lua, StringComparison.Ordinal);
            var heights = Rows("heights");
            var biomes = Rows("biomes");
            Assert.Equal(height, heights.Count);
            Assert.Equal(height, biomes.Count);
            Assert.All(heights, r => Assert.Equal(width * 2, r.Length));
            Assert.All(biomes, r => Assert.Equal(width, r.Length));
            var elevations = heights.SelectMany(r => r.Chunk(2).Select(p => ((Alphabet.IndexOf(p[0], StringComparison.Ordinal) * 64) + Alphabet.IndexOf(p[1], StringComparison.Ordinal)) * 16)).ToArray();
            return new TerrainData(width, height, Field("cellStuds"), Field("unitsPerStud"), Field("seaLevel"), elevations, [.. biomes.SelectMany(r => r.Select(c => (byte)(c - 'a')))]);
        }
    }
}
