using System.Text;
using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Documents;

public sealed class WorldDocumentTests
{
    private static byte[] FixtureDocument() => WorldDocument.Write(WorldFixture.Create(), WorldFixture.Overrides());

    private static ForgeWorld Generate(string seed, int size = 96, WorldPreset preset = WorldPreset.Continent) =>
        WorldPipeline.Generate(ForgeSeed.Parse(seed), new WorldParameters { Width = size, Height = size * 3 / 4, Preset = preset });

    [Fact]
    public void Write_Fixture_RoundTripsByteForByte()
    {
        var first = FixtureDocument();

        var world = WorldDocument.Read(first, out var overrides);
        var second = WorldDocument.Write(world, overrides);

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        Assert.Equal(WorldOverrideJsonTests.Texts(WorldFixture.Overrides()), WorldOverrideJsonTests.Texts(overrides));
    }

    [Fact]
    public void Read_Fixture_RestoresEveryLayerAndList()
    {
        var original = WorldFixture.Create();

        var world = WorldDocument.Read(WorldDocument.Write(original, []), out var overrides);

        Assert.Empty(overrides);
        Assert.Equal(original.Seed, world.Seed);
        Assert.Equal(original.Parameters, world.Parameters);
        Assert.Equal(original.Heightmap!.Cells.ToArray(), world.Heightmap!.Cells.ToArray());
        Assert.Equal(original.Heightmap.SeaLevel, world.Heightmap.SeaLevel);
        Assert.Equal(original.Climate!.Temperature.ToArray(), world.Climate!.Temperature.ToArray());
        Assert.Equal(original.Climate.Moisture.ToArray(), world.Climate.Moisture.ToArray());
        Assert.Equal(original.Biomes!.Cells.ToArray(), world.Biomes!.Cells.ToArray());
        Assert.Equal(original.Hydrology!.Flow.ToArray(), world.Hydrology!.Flow.ToArray());
        Assert.Equal(original.Hydrology.LakeCells.ToArray(), world.Hydrology.LakeCells.ToArray());
        Assert.Equal(original.RegionMap!.Cells.ToArray(), world.RegionMap!.Cells.ToArray());
        Assert.Equal(original.Settlements, world.Settlements);
        Assert.Equal(original.Regions, world.Regions);
        Assert.Equal(original.Hydrology.Lakes, world.Hydrology.Lakes);
        Assert.Equal(original.Roads.Select(r => (r.Id, r.From, r.To, r.Cost)), world.Roads.Select(r => (r.Id, r.From, r.To, r.Cost)));
        Assert.Equal(original.Roads.SelectMany(r => r.Path), world.Roads.SelectMany(r => r.Path));
        Assert.Equal(original.Hydrology.Rivers.SelectMany(r => r.Path), world.Hydrology.Rivers.SelectMany(r => r.Path));
        Assert.Equal(original.Factions.Select(f => f.Color), world.Factions.Select(f => f.Color));
        Assert.Equal(original.Factions.SelectMany(f => f.Relations), world.Factions.SelectMany(f => f.Relations));
        Assert.Equal(original.Npcs.SelectMany(n => n.Relationships), world.Npcs.SelectMany(n => n.Relationships));
        Assert.Equal(original.Npcs.SelectMany(n => n.Traits), world.Npcs.SelectMany(n => n.Traits));
        Assert.Equal(original.Bestiary.SelectMany(s => s.Genes), world.Bestiary.SelectMany(s => s.Genes));
        Assert.Equal(original.Bestiary.SelectMany(s => s.Biomes), world.Bestiary.SelectMany(s => s.Biomes));
        Assert.Equal(original.Bestiary.Select(s => s.Stats), world.Bestiary.Select(s => s.Stats));
        Assert.Equal(original.PointsOfInterest.Select(p => p.Hook.Text), world.PointsOfInterest.Select(p => p.Hook.Text));
        Assert.Equal(original.PointsOfInterest.Select(p => p.Hook.SpeciesId), world.PointsOfInterest.Select(p => p.Hook.SpeciesId));
    }

    [Fact]
    public void Write_GeneratedWorld_RoundTripsByteForByte()
    {
        var first = WorldDocument.Write(Generate("round trip"), [new RenameSettlement("settlement-1", "Hearth")]);

        var world = WorldDocument.Read(first, out var overrides);

        Assert.Equal(first, WorldDocument.Write(world, overrides));
    }

    [Fact]
    public void Write_Fixture_HasTheDocumentedLayout()
    {
        using var document = JsonDocument.Parse(FixtureDocument());
        var root = document.RootElement;

        Assert.Equal(
            ["bestiary", "factions", "format", "generator", "lakes", "layers", "npcs", "overrides", "parameters", "pointsOfInterest", "regions", "rivers", "roads", "seaLevel", "seed", "settlements", "summary"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("worldloom.world/1", root.GetProperty("format").GetString());
        Assert.Equal(WorldPipeline.GeneratorVersion, root.GetProperty("generator").GetString());
        Assert.Equal("string", root.GetProperty("seed").GetProperty("kind").GetString());
        Assert.Equal(["biomes", "flow", "height", "lakes", "moisture", "regions", "temperature"], root.GetProperty("layers").EnumerateObject().Select(p => p.Name));
        var height = root.GetProperty("layers").GetProperty("height");
        Assert.Equal("u16le", height.GetProperty("encoding").GetString());
        Assert.Equal(WorldFixture.Width * WorldFixture.Height * 2, height.GetProperty("data").GetBytesFromBase64().Length);
        Assert.Equal("continent", root.GetProperty("parameters").GetProperty("preset").GetString());
        var road = root.GetProperty("roads")[0];
        Assert.Equal([20, 24, 21, 25], road.GetProperty("path").EnumerateArray().Take(4).Select(e => e.GetInt32()));
        var city = root.GetProperty("settlements")[0];
        Assert.Equal("city", city.GetProperty("size").GetString());
        Assert.Equal("temperate_forest", city.GetProperty("biome").GetString());
        Assert.Equal(20, city.GetProperty("location").GetProperty("x").GetInt32());
        Assert.Equal("#3366cc", root.GetProperty("factions")[0].GetProperty("color").GetString());
        Assert.False(root.GetProperty("rivers")[1].TryGetProperty("lakeId", out _));
        Assert.Equal("rename_settlement", root.GetProperty("overrides")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void Write_NoWhitespaceOutsideStrings_AndNoFractions()
    {
        var text = Encoding.UTF8.GetString(FixtureDocument());
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\' || text[i - 2] == '\\'))
            {
                inString = !inString;
            }

            Assert.False(!inString && (char.IsWhiteSpace(text[i]) || text[i] == '.'), $"'{text[i]}' outside a string at {i}");
        }
    }

    [Fact]
    public void Write_HeightmapOnlyWorld_OmitsAbsentLayersAndKeepsEmptyLists()
    {
        var world = new ForgeWorld(ForgeSeed.FromInt64(7), new WorldParameters { Width = 64, Height = 64 });
        var cells = new ushort[64 * 64];
        cells.AsSpan(0, 64 * 16).Fill(1000);
        world.Heightmap = new Heightmap(64, 64, 100, cells);

        using var document = JsonDocument.Parse(WorldDocument.Write(world, []));
        var root = document.RootElement;

        Assert.Equal(["height"], root.GetProperty("layers").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("settlements").GetArrayLength());
        Assert.Equal(0, root.GetProperty("rivers").GetArrayLength());
        Assert.Equal("integer", root.GetProperty("seed").GetProperty("kind").GetString());
        Assert.Equal(100, root.GetProperty("seaLevel").GetInt32());
        Assert.Equal(250, root.GetProperty("summary").GetProperty("landPermille").GetInt32());
        Assert.Empty(root.GetProperty("summary").GetProperty("biomes").EnumerateObject());
    }

    [Fact]
    public void Write_EmptyWorld_RoundTrips()
    {
        var world = new ForgeWorld(ForgeSeed.Parse("nothing yet"), new WorldParameters());
        var bytes = WorldDocument.Write(world, []);

        Assert.Equal(bytes, WorldDocument.Write(WorldDocument.Read(bytes, out var overrides), overrides));
        using var document = JsonDocument.Parse(bytes);
        Assert.False(document.RootElement.TryGetProperty("seaLevel", out _));
        Assert.False(document.RootElement.GetProperty("summary").TryGetProperty("landPermille", out _));
    }

    [Fact]
    public void Hash_SameSeedTwiceAndInParallel_IsTheSame()
    {
        var reference = WorldDocument.Hash(WorldDocument.Write(Generate("hash me"), []));
        var hashes = new string[4];

        Parallel.For(0, hashes.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => hashes[i] = WorldDocument.Hash(WorldDocument.Write(Generate("hash me"), [])));

        Assert.Matches("^[0-9a-f]{64}$", reference);
        Assert.Equal(reference, WorldDocument.Hash(WorldDocument.Write(Generate("hash me"), [])));
        Assert.All(hashes, h => Assert.Equal(reference, h));
    }

    [Fact]
    public void Hash_DifferentSeedParametersOrOverrides_Differ()
    {
        var hashes = new[]
        {
            WorldDocument.Hash(WorldDocument.Write(Generate("1"), [])),
            WorldDocument.Hash(WorldDocument.Write(Generate("2"), [])),
            WorldDocument.Hash(WorldDocument.Write(Generate("1", preset: WorldPreset.Archipelago), [])),
            WorldDocument.Hash(WorldDocument.Write(Generate("1"), [new DeleteSettlement("settlement-1")])),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Hash_IsSha256OfTheBytes() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", WorldDocument.Hash([]));
}
