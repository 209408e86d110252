using System.Text;
using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Tests.Documents;
using Worldloom.Forge.Tests.Rendering;

namespace Worldloom.Forge.Tests.Cli;

[Trait("Category", "Cli")]
public sealed class WorldCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loom-world-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private Task<Loom.Run> Loom(params string[] args) => Cli.Loom.RunAsync(_dir, args);

    [Fact]
    public async Task Generate_WritesTheCanonicalDocument_AndPrintsItsHash()
    {
        var run = await Loom("world", "generate", "--seed", "dragon coast", "--width", "96", "--height", "64", "--preset", "archipelago", "--sea-level", "55", "--out", "w.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = await File.ReadAllBytesAsync(At("w.json"));
        Assert.Equal($"world {WorldDocument.Hash(bytes)}\n", run.Stdout);
        var expected = WorldPipeline.Generate(ForgeSeed.Parse("dragon coast"), new WorldParameters { Width = 96, Height = 64, Preset = WorldPreset.Archipelago, SeaLevel = 55 });
        Assert.Equal(WorldDocument.Write(expected, []), bytes);
        Assert.Contains("heightmap", run.Stderr);
    }

    [Fact]
    public async Task Generate_SameSeedTwice_SameHash_OtherSeedDiffers()
    {
        var first = await Loom("world", "generate", "--seed", "42", "--size", "64", "--out", "a.json");
        var second = await Loom("world", "generate", "--seed", "42", "--size", "64", "--out", "b.json");
        var other = await Loom("world", "generate", "--seed", "43", "--size", "64", "--out", "c.json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.NotEqual(first.Stdout, other.Stdout);
    }

    [Fact]
    public async Task Generate_WithOverridesFile_AppliesAndStoresThemInOrder()
    {
        await File.WriteAllTextAsync(At("edits.json"), """
            [{"kind":"rename_settlement","settlementId":"settlement-1","name":"Alpha"},
             {"kind":"rename_settlement","settlementId":"settlement-1","name":"Beta"}]
            """);

        var run = await Loom("world", "generate", "--seed", "7", "--size", "128", "--overrides", "edits.json", "--out", "w.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var world = WorldDocument.Read(await File.ReadAllBytesAsync(At("w.json")), out var stored);
        Assert.Equal(["Alpha", "Beta"], stored.Cast<Worldloom.Forge.Core.Overrides.RenameSettlement>().Select(o => o.Name));
        Assert.Equal("Beta", world.Settlements[0].Name);
    }

    [Theory]
    [InlineData("--size", "10", "--size: Must be between 64 and 4096")]
    [InlineData("--size", "abc", "--size: 'abc' is not a whole number")]
    [InlineData("--preset", "pangaea", "--preset: unknown preset 'pangaea'")]
    [InlineData("--sea-level", "101", "--sea-level: Must be between 0 and 100")]
    [InlineData("--factions", "0", "--factions: Must be between 1 and 32")]
    [InlineData("--overrides", "missing.json", "--overrides: missing.json: no such file")]
    [InlineData("--overrides", "bad.json", "--overrides: bad.json: overrides[0].name: missing")]
    [InlineData("--overrides", "broken.json", "--overrides: broken.json: not valid JSON")]
    public async Task Generate_BadInput_NamesTheOption_ExitsNonZero_WritesNothing(string option, string value, string message)
    {
        await File.WriteAllTextAsync(At("bad.json"), """[{"kind":"rename_settlement","settlementId":"settlement-1"}]""");
        await File.WriteAllTextAsync(At("broken.json"), "[{");

        var run = await Loom("world", "generate", "--seed", "1", option, value, "--out", "w.json");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.DoesNotMatch("(?m)^world [0-9a-f]{64}", run.Stdout);
        Assert.False(File.Exists(At("w.json")));
    }

    [Fact]
    public async Task Generate_WithRules_RunsTheScriptsHooks_AndAppliesOverridesAfterwards()
    {
        await File.WriteAllTextAsync(At("rules.js"), """
            function onSettlements(world, rng) {
              world.renameSettlement(world.settlements[0].id, 'Scriptholm');
            }
            """);
        await File.WriteAllTextAsync(At("edits.json"), """[{"kind":"rename_settlement","settlementId":"settlement-2","name":"Editby"}]""");

        var run = await Loom("world", "generate", "--seed", "rules", "--size", "128", "--rules", "rules.js", "--overrides", "edits.json", "--out", "w.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var world = WorldDocument.Read(await File.ReadAllBytesAsync(At("w.json")), out var stored);
        Assert.Equal("Scriptholm", world.Settlements[0].Name);
        Assert.Equal("Editby", world.Settlements.Single(x => x.Id == "settlement-2").Name);
        Assert.Single(stored);
        var plain = await Loom("world", "generate", "--seed", "rules", "--size", "128", "--out", "plain.json");
        Assert.NotEqual(plain.Stdout, run.Stdout);
    }

    [Theory]
    [InlineData("function onSettlements(world) { world.renameSettlement(", "--rules: rules: ", "rules.js:1:")]
    [InlineData("function onSettlements(world) {\n  null.x;\n}", "--rules: rules: ", ":2")]
    [InlineData("function onSettlements(world) { world.renameSettlement('settlement-99999', 'X'); }", "--rules: rules: ", "settlement-99999")]
    public async Task Generate_BrokenRules_SayWhereAndWriteNothing(string script, string prefix, string detail)
    {
        await File.WriteAllTextAsync(At("rules.js"), script.Replace("\\n", "\n", StringComparison.Ordinal));

        var run = await Loom("world", "generate", "--seed", "1", "--size", "64", "--rules", "rules.js", "--out", "w.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(prefix, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(detail, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(At("w.json")));
    }

    [Fact]
    public async Task Generate_OverrideNamingNothing_IsAnError()
    {
        await File.WriteAllTextAsync(At("edits.json"), """[{"kind":"delete_settlement","settlementId":"settlement-99999"}]""");

        var run = await Loom("world", "generate", "--seed", "1", "--size", "64", "--overrides", "edits.json", "--out", "w.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--overrides: overrides[0].settlementId", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(At("w.json")));
    }

    [Fact]
    public async Task Generate_SizeWithWidth_IsRejected()
    {
        var run = await Loom("world", "generate", "--seed", "1", "--size", "64", "--width", "80", "--out", "w.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--size: give either --size or --width and --height", run.Stderr);
    }

    [Fact]
    public async Task Render_WritesAPngOfTheWorld()
    {
        await File.WriteAllBytesAsync(At("fixture.json"), WorldDocument.Write(WorldFixture.Create(), []));

        var full = await Loom("world", "render", "fixture.json", "--layer", "political", "--out", "political.png");
        var thumb = await Loom("world", "render", "fixture.json", "--layer", "biomes", "--max-side", "32", "--out", "thumb.png");

        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.True(thumb.ExitCode == 0, thumb.ToString());
        var png = PngDecoder.Decode(await File.ReadAllBytesAsync(At("political.png")));
        Assert.Equal((64, 64), (png.Width, png.Height));
        Assert.Equal(MapRenderer.Render(WorldFixture.Create(), MapLayer.Political).Pixels.ToArray(), png.Samples);
        Assert.Equal((32, 32), (PngDecoder.Decode(await File.ReadAllBytesAsync(At("thumb.png"))).Width, 32));
    }

    [Theory]
    [InlineData("missing.json", "height", "missing.json: no such file")]
    [InlineData("notworld.json", "height", "notworld.json: not a world document: format: expected a string")]
    [InlineData("truncated.json", "height", "truncated.json: not a world document: not valid JSON")]
    [InlineData("fixture.json", "terrain", "--layer: unknown layer 'terrain'")]
    public async Task Render_BadInput_ExplainsAndExitsNonZero(string file, string layer, string message)
    {
        await File.WriteAllBytesAsync(At("fixture.json"), WorldDocument.Write(WorldFixture.Create(), []));
        await File.WriteAllTextAsync(At("notworld.json"), """{"format":1}""");
        await File.WriteAllBytesAsync(At("truncated.json"), (await File.ReadAllBytesAsync(At("fixture.json")))[..500]);

        var run = await Loom("world", "render", file, "--layer", layer, "--out", "map.png");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.False(File.Exists(At("map.png")));
    }

    [Fact]
    public async Task Generate_OutputNotWritable_ReportsTheFile()
    {
        Directory.CreateDirectory(At("taken.json"));

        var run = await Loom("world", "generate", "--seed", "1", "--size", "64", "--out", "taken.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: cannot write taken.json", run.Stderr);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Batch_WritesSummariesThumbnailsAndWorlds_InSeedOrder()
    {
        var run = await Loom("world", "batch", "--seeds", "5,1..3", "--size", "64", "--preset", "highlands", "--out", "batch", "--keep-worlds");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var summary = JsonDocument.Parse(await File.ReadAllBytesAsync(At("batch/summary.json")));
        var worlds = summary.RootElement.GetProperty("worlds").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3", "5"], worlds.Select(w => w.GetProperty("seed").GetString()));
        Assert.Equal("highlands", summary.RootElement.GetProperty("parameters").GetProperty("preset").GetString());
        foreach (var world in worlds)
        {
            var seed = world.GetProperty("seed").GetString();
            var document = await File.ReadAllBytesAsync(At($"batch/seed_{seed}.world.json"));
            Assert.Equal(WorldDocument.Hash(document), world.GetProperty("hash").GetString());
            var expected = WorldPipeline.Generate(ForgeSeed.Parse(seed!), new WorldParameters { Width = 64, Height = 64, Preset = WorldPreset.Highlands });
            Assert.Equal(WorldDocument.Hash(WorldDocument.Write(expected, [])), world.GetProperty("hash").GetString());
            Assert.Equal(WorldSummary.From(expected).LandPermille, world.GetProperty("landPermille").GetInt32());
            var thumbnail = PngDecoder.Decode(await File.ReadAllBytesAsync(At($"batch/seed_{seed}.png")));
            Assert.Equal((64, 64), (thumbnail.Width, thumbnail.Height));
        }

        var csv = await File.ReadAllLinesAsync(At("batch/summary.csv"));
        Assert.StartsWith("seed,hash,land_permille,settlements,rivers,lakes,ocean,", csv[0]);
        Assert.Equal(["1", "2", "3", "5"], csv.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(6 + BiomeNames.All.Count, csv[1].Split(',').Length);
    }

    [Fact]
    public async Task Batch_WithoutKeepWorlds_WritesNoDocuments_AndScalesThumbnails()
    {
        var run = await Loom("world", "batch", "--seeds", "1", "--size", "256", "--out", "b");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(Directory.GetFiles(At("b"), "*.world.json"));
        Assert.Equal(128, PngDecoder.Decode(await File.ReadAllBytesAsync(At("b/seed_1.png"))).Width);
    }

    [Theory]
    [InlineData("1..1001", "--seeds: at most 1000 seeds")]
    [InlineData("1..99999999999999", "--seeds: at most 1000 seeds")]
    [InlineData("3,1,3", "--seeds: seed 3 is listed twice")]
    [InlineData("5..1", "--seeds: '5..1' is not a range")]
    [InlineData("one", "--seeds: 'one' is not an integer seed")]
    public async Task Batch_BadSeeds_ExplainsAndWritesNothing(string seeds, string message)
    {
        var run = await Loom("world", "batch", "--seeds", seeds, "--out", "b");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.False(Directory.Exists(At("b")));
    }
}
