using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Export.Engines.Unity;
using Worldloom.Forge.Export.Tests.Terrain;

namespace Worldloom.Forge.Export.Tests.Unity;

public sealed partial class UnityExporterTests
{
    [Theory]
    [InlineData(64, 65)]
    [InlineData(65, 65)]
    [InlineData(66, 129)]
    [InlineData(128, 129)]
    [InlineData(1024, 1025)]
    [InlineData(1026, 2049)]
    [InlineData(4096, 4097)]
    [InlineData(9000, 4097)]
    public void ResolutionFor_WorldSide_SmallestPowerOfTwoPlusOneThatHoldsIt(int side, int expected) =>
        Assert.Equal(expected, UnityTerrain.ResolutionFor(side));

    [Fact]
    public void Export_SmallWorld_RawIs16BitLittleEndianSouthRowFirst()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnityExporter(), source);

        var raw = files.Bytes("Terrain/heightmap.raw");
        const int n = 129; // 128 × 96 world: the longer side 128 fits 2^7 + 1
        Assert.Equal(n * n * 2, raw.Length);
        var heights = source.Heights(n, n);
        for (var row = 0; row < n; row++)
        {
            for (var x = 0; x < n; x++)
            {
                // File row 0 is z = 0, the south edge: the resampled heightmap's last (southernmost) row.
                Assert.Equal(heights[((n - 1 - row) * n) + x], BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(((row * n) + x) * 2)));
            }
        }

        using var terrain = files.Json("terrain.json");
        Assert.Equal(n, terrain.RootElement.GetProperty("heightmapResolution").GetInt32());
        Assert.Equal("Terrain/heightmap.raw", terrain.RootElement.GetProperty("heightmap").GetString());
    }

    [Fact]
    public void Export_SmallWorld_TerrainJsonGivesSizeHeightAndSeaLevel()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnityExporter(), source);

        using var terrain = files.Json("terrain.json");
        var root = terrain.RootElement;
        Assert.Equal(127 * 20, root.GetProperty("sizeX").GetInt32());
        Assert.Equal(95 * 20, root.GetProperty("sizeZ").GetInt32());
        Assert.Equal(1024, root.GetProperty("height").GetInt32());
        Assert.Equal(source.Heightmap.SeaLevel / 64m, root.GetProperty("seaLevelMetres").GetDecimal());
        Assert.Equal(source.Hash, root.GetProperty("world").GetString());
        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(["water", "sand", "grass", "forest", "rock", "snow", "desert", "wetland"], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.All(layers, l => Assert.Matches("^#[0-9A-F]{6}$", l.GetProperty("colour").GetString()));
        foreach (var map in root.GetProperty("splatMaps").EnumerateArray())
        {
            Assert.True(files.Has(map.GetString()!), $"{map} is not exported");
        }
    }

    [Fact]
    public void Export_SmallWorld_SplatChannelsOfBothImagesSumTo255()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnityExporter(), source);

        using var terrain = files.Json("terrain.json");
        var resolution = terrain.RootElement.GetProperty("alphamapResolution").GetInt32();
        Assert.Equal(128, resolution);
        var images = new[] { PngImage.Read(files.Bytes("Terrain/splat_0.png")), PngImage.Read(files.Bytes("Terrain/splat_1.png")) };
        Assert.All(images, image => Assert.Equal((resolution, resolution, 8, 6), (image.Width, image.Height, image.BitDepth, image.ColourType)));

        var used = new HashSet<int>();
        for (var pixel = 0; pixel < resolution * resolution; pixel++)
        {
            var sum = 0;
            for (var layer = 0; layer < 8; layer++)
            {
                var weight = images[layer / 4].Samples[(pixel * 4) + (layer % 4)];
                sum += weight;
                if (weight > 0)
                {
                    used.Add(layer);
                }
            }

            Assert.Equal(255, sum);
        }

        Assert.True(used.Count > 2, "a generated continent has sea, shore and land layers");
    }

    [Fact]
    public void Export_SmallWorld_SplatCornerPixelsAreTheCornerCellsGroups()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnityExporter(), source);

        var images = new[] { PngImage.Read(files.Bytes("Terrain/splat_0.png")), PngImage.Read(files.Bytes("Terrain/splat_1.png")) };
        var n = images[0].Width;
        // The world's corners are open sea: the north-west pixel is all water (layer 0, R of splat_0).
        Assert.Equal(Biome.Ocean, source.Biomes[0, 0]);
        Assert.Equal(255, images[0].Samples[0]);
        Assert.Equal(Biome.Ocean, source.Biomes[source.Biomes.Width - 1, source.Biomes.Height - 1]);
        Assert.Equal(255, images[0].Samples[((n * n) - 1) * 4]);
    }

    [Fact]
    public void Export_SmallWorld_EntitiesListEverySettlementNpcAndPoint()
    {
        var source = ExportWorlds.Source();
        var files = ExportWorlds.Export(new UnityExporter(), source);
        var world = source.World;

        using var settlements = files.Json("Entities/settlements.json");
        var rows = settlements.RootElement.GetProperty("settlements").EnumerateArray().ToList();
        Assert.Equal(world.Settlements.Select(s => s.Id), rows.Select(r => r.GetProperty("id").GetString()));
        foreach (var (settlement, row) in world.Settlements.Zip(rows))
        {
            Assert.Equal(settlement.Name, row.GetProperty("name").GetString());
            Assert.Equal(settlement.Population, row.GetProperty("population").GetInt32());
            Assert.Equal(settlement.Location.X * 20, row.GetProperty("x").GetInt32());
            Assert.Equal((95 - settlement.Location.Y) * 20, row.GetProperty("z").GetInt32());
            Assert.Equal((source.Heightmap[settlement.Location.X, settlement.Location.Y] - source.Heightmap.SeaLevel) / 64m, row.GetProperty("elevationMetres").GetDecimal());
        }

        using var npcs = files.Json("Entities/npcs.json");
        Assert.Equal(world.Npcs.Select(n => n.Id), npcs.RootElement.GetProperty("npcs").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        using var pois = files.Json("Entities/pois.json");
        Assert.Equal(world.PointsOfInterest.Select(p => p.Id), pois.RootElement.GetProperty("pois").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.NotEmpty(world.Npcs);
    }

    [Fact]
    public void Export_SmallWorld_ImporterReadsTheFilesAndFieldsTheExportWrites()
    {
        var files = ExportWorlds.Export(new UnityExporter(), ExportWorlds.Source());

        var script = files.Text("Editor/WorldloomImporter.cs");
        Assert.Contains("[MenuItem(\"Worldloom/Import World\")]", script, StringComparison.Ordinal);
        foreach (var file in new[] { "terrain.json", "Entities/settlements.json", "Entities/pois.json" })
        {
            Assert.Contains($"\"{file}\"", script, StringComparison.Ordinal);
        }

        Assert.Contains("class WorldloomMarker : MonoBehaviour", files.Text("Scripts/WorldloomMarker.cs"), StringComparison.Ordinal);

        // JsonUtility maps JSON keys to the DTOs' public fields by name: each field must be a key the export writes.
        using var terrain = files.Json("terrain.json");
        using var settlements = files.Json("Entities/settlements.json");
        using var pois = files.Json("Entities/pois.json");
        AssertFieldsPresent(script, "TerrainInfo", terrain.RootElement);
        AssertFieldsPresent(script, "LayerInfo", terrain.RootElement.GetProperty("layers")[0]);
        AssertFieldsPresent(script, "SettlementList", settlements.RootElement);
        AssertFieldsPresent(script, "SettlementInfo", settlements.RootElement.GetProperty("settlements")[0]);
        AssertFieldsPresent(script, "PointOfInterestList", pois.RootElement);
        AssertFieldsPresent(script, "PointOfInterestInfo", pois.RootElement.GetProperty("pois")[0]);
    }

    [Fact]
    public void Export_SmallWorld_ReadmeGivesTheManualImportSettings()
    {
        var files = ExportWorlds.Export(new UnityExporter(), ExportWorlds.Source());

        var readme = files.Text("README.txt");
        Assert.Contains("Flip Vertically: OFF", readme, StringComparison.Ordinal);
        Assert.Contains("Width and Height: 129", readme, StringComparison.Ordinal);
        Assert.Contains("Terrain Size: X 2540, Y 1024, Z 1900", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_SameWorldTwice_IdenticalBytes()
    {
        var source = ExportWorlds.Source();

        ExportWorlds.Export(new UnityExporter(), source).AssertSameAs(ExportWorlds.Export(new UnityExporter(), source.Fresh()));
        Assert.IsType<UnityExporter>(ExportEngines.Exporter(ExportEngines.Unity));
    }

    private static void AssertFieldsPresent(string script, string type, JsonElement json)
    {
        var body = Regex.Match(script, @"class " + type + @"\s*\{(?<body>[^}]*)\}").Groups["body"].Value;
        var fields = Field().Matches(body).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(fields);
        foreach (var field in fields)
        {
            Assert.True(json.TryGetProperty(field, out _), $"{type}.{field} has no \"{field}\" in the JSON");
        }
    }

    [GeneratedRegex(@"public\s+[\w\[\]]+\s+(?<name>\w+);")]
    private static partial Regex Field();
}
