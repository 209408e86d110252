using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Json;

namespace Worldloom.Forge.Export.Tests.Json;

public sealed class JsonExporterTests
{
    [Fact]
    public void Export_WorldJson_IsTheCanonicalDocumentWithTheWorldsHash()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new JsonExporter(), source);

        var document = files.Bytes("world.json");
        Assert.Equal(source.Hash, WorldDocument.Hash(document));
        Assert.True(document.AsSpan().SequenceEqual(source.Document.Span));
    }

    [Fact]
    public void Export_HeightPng_Is16BitGreyAtTheWorldsSize()
    {
        var source = ExportWorlds.Source(width: 96, height: 64);

        var files = ExportWorlds.Export(new JsonExporter(), source);

        var height = DecodedPng.Header(files.Bytes("height.png"));
        Assert.Equal((96, 64, 16, 0), (height.Width, height.Height, height.BitDepth, height.ColourType));
    }

    [Theory]
    [InlineData("biomes.png")]
    [InlineData("rivers.png")]
    [InlineData("political.png")]
    public void Export_LayerPng_IsRgbaAtTheWorldsSizeWithMoreThanOneColour(string path)
    {
        var source = ExportWorlds.Source(width: 96, height: 64);

        var files = ExportWorlds.Export(new JsonExporter(), source);

        var png = DecodedPng.Decode(files.Bytes(path));
        Assert.Equal((96, 64, 8, 6), (png.Width, png.Height, png.BitDepth, png.ColourType));
        Assert.True(png.DistinctColours() > 1);
    }

    [Fact]
    public void Export_Legend_NamesEveryBiomeFactionAndSize()
    {
        var source = ExportWorlds.Source();

        var files = ExportWorlds.Export(new JsonExporter(), source);

        using var legend = JsonDocument.Parse(files.Bytes("legend.json"));
        var root = legend.RootElement;
        Assert.Equal(source.Hash, root.GetProperty("world").GetString());
        Assert.Equal(source.Heightmap.SeaLevel, root.GetProperty("height").GetProperty("seaLevel").GetInt32());
        var biomes = root.GetProperty("biomes").EnumerateArray().ToList();
        Assert.Equal(BiomeNames.All, biomes.Select(b => b.GetProperty("name").GetString()));
        Assert.Equal(Enumerable.Range(0, BiomeNames.All.Count), biomes.Select(b => b.GetProperty("id").GetInt32()));
        Assert.All(biomes, b => Assert.Matches("^#[0-9a-f]{6}$", b.GetProperty("colour").GetString()));
        Assert.Equal(
            $"#{BiomeTileset.Colour(Biome.Desert):x6}",
            biomes[(int)Biome.Desert].GetProperty("colour").GetString());
        Assert.Equal(source.World.Factions.Select(f => f.Id), root.GetProperty("factions").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(
            ["hamlet", "village", "town", "city"],
            root.GetProperty("settlementSizes").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public void Export_ReadmeExplainsEveryFile()
    {
        var files = ExportWorlds.Export(new JsonExporter(), ExportWorlds.Source());

        var readme = files.Text("README.txt");
        foreach (var file in files.Files.Select(f => f.Path["json/".Length..]).Where(p => p != "README.txt"))
        {
            Assert.Contains(file, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Export_TwiceFromFreshSources_GivesTheSameBytes()
    {
        var source = ExportWorlds.Source();

        var first = ExportWorlds.Export(new JsonExporter(), new ExportSource(source.World, source.Document));
        var second = ExportWorlds.Export(new JsonExporter(), new ExportSource(source.World, source.Document));

        first.AssertSameAs(second);
    }
}
