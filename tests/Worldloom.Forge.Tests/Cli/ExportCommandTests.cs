using System.IO.Compression;
using System.Text.Json;

namespace Worldloom.Forge.Tests.Cli;

/// <summary><c>loom world export</c> and <c>loom verify</c> as a user runs them: real processes, real files, no server.</summary>
[Trait("Category", "Cli")]
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loom-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private async Task<string> WorldAsync()
    {
        var run = await Loom.RunAsync(_dir, "world", "generate", "--seed", "42", "--width", "96", "--height", "64", "--out", "world.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return "world.json";
    }

    private async Task<string> ExportAsync(string engines, string output)
    {
        var run = await Loom.RunAsync(_dir, "world", "export", await WorldAsync(), "--engines", engines, "--out", output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("^bundle [0-9a-f]{64}$", run.Stdout.Trim());
        return run.Stdout.Trim()[7..];
    }

    private async Task<string> CurrentKeyIdAsync()
    {
        var keys = await Loom.RunAsync(_dir, "keys", "list");
        Assert.True(keys.ExitCode == 0, keys.ToString());
        return keys.Stdout.Trim().Split('\n')[^1].Split(' ')[0];
    }

    [Fact]
    public async Task AllEnginesExportToOneBundleThatVerifiesAsSignedByTheCurrentKey()
    {
        var hash = await ExportAsync("all", "bundle.zip");
        var verify = await Loom.RunAsync(_dir, "verify", "bundle.zip");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Equal($"valid, signed by {await CurrentKeyIdAsync()}", verify.Stdout.Trim());

        using var zip = ZipFile.OpenRead(PathOf("bundle.zip"));
        var folders = zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().ToHashSet();
        foreach (var engine in new[] { "json", "tiled", "godot", "unity", "unreal", "blender", "gamemaker", "roblox", "defold" })
        {
            Assert.Contains(engine, folders);
        }

        // Same world, same engines, same key: the same bytes.
        Assert.Equal(hash, await ExportAsync("all", "again.zip"));
        Assert.Equal(File.ReadAllBytes(PathOf("bundle.zip")), File.ReadAllBytes(PathOf("again.zip")));
    }

    [Fact]
    public async Task ChosenEnginesOnlyAndTheManifestRecordsTheWorld()
    {
        await ExportAsync("Tiled, json", "two.zip");
        using var zip = ZipFile.OpenRead(PathOf("two.zip"));
        Assert.Equal(["json", "manifest.json", "manifest.sig", "tiled"], zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal(["json", "tiled"], manifest.RootElement.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("42", manifest.RootElement.GetProperty("world").GetProperty("seed").GetProperty("text").GetString());
    }

    [Fact]
    public async Task VerifyNamesEachTamperedFileAndExitsOne()
    {
        await ExportAsync("json", "bundle.zip");
        using (var zip = ZipFile.Open(PathOf("bundle.zip"), ZipArchiveMode.Update))
        {
            zip.GetEntry("json/legend.json")!.Delete();
            using (var added = zip.CreateEntry("json/extra.txt").Open())
            {
                added.Write("hello"u8);
            }

            var world = zip.GetEntry("json/world.json")!;
            world.Delete();
            using var changed = zip.CreateEntry("json/world.json").Open();
            changed.Write("{}"u8);
        }

        var verify = await Loom.RunAsync(_dir, "verify", "bundle.zip");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("missing: json/legend.json", verify.Stdout);
        Assert.Contains("added: json/extra.txt", verify.Stdout);
        Assert.Contains("changed: json/world.json", verify.Stdout);
    }

    [Fact]
    public async Task VerifyWithAKeyTrustsOnlyThatKey()
    {
        await ExportAsync("json", "bundle.zip");
        var jwks = await Loom.RunAsync(_dir, "keys", "public");
        Assert.True(jwks.ExitCode == 0, jwks.ToString());
        await File.WriteAllTextAsync(PathOf("jwks.json"), jwks.Stdout);
        var trusted = await Loom.RunAsync(_dir, "verify", "bundle.zip", "--key", "jwks.json");
        Assert.True(trusted.ExitCode == 0, trusted.ToString());

        // Another installation's key (a fresh data directory) is not this bundle's signer.
        var other = await Loom.RunAsync(_dir, "keys", "public", "--data", "other");
        await File.WriteAllTextAsync(PathOf("other.json"), other.Stdout);
        var untrusted = await Loom.RunAsync(_dir, "verify", "bundle.zip", "--key", "other.json");
        Assert.Equal(1, untrusted.ExitCode);
        Assert.Contains("not a trusted key", untrusted.Stdout);
    }

    [Fact]
    public async Task AZipSlipEntryIsRefused()
    {
        await ExportAsync("json", "bundle.zip");
        using (var zip = ZipFile.Open(PathOf("bundle.zip"), ZipArchiveMode.Update))
        {
            using var evil = zip.CreateEntry("../../evil.sh").Open();
            evil.Write("rm -rf /"u8);
        }

        var verify = await Loom.RunAsync(_dir, "verify", "bundle.zip");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("unsafe path \"../../evil.sh\"", verify.Stdout);
    }

    [Theory]
    [InlineData("--engines", "", "--engines: choose at least one engine")]
    [InlineData("--engines", "json,unity3d", "--engines: unknown engine \"unity3d\"")]
    public async Task BadEnginesExitTwoAndWriteNothing(string option, string value, string message)
    {
        var world = await WorldAsync();
        var run = await Loom.RunAsync(_dir, "world", "export", world, option, value, "--out", "bundle.zip");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.False(File.Exists(PathOf("bundle.zip")));
    }

    [Fact]
    public async Task AMissingOrBrokenWorldExitsTwo()
    {
        var missing = await Loom.RunAsync(_dir, "world", "export", "nope.json", "--engines", "json", "--out", "b.zip");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json: no such file", missing.Stderr);
        await File.WriteAllTextAsync(PathOf("broken.json"), "{\"format\":1}");
        var broken = await Loom.RunAsync(_dir, "world", "export", "broken.json", "--engines", "json", "--out", "b.zip");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("not a world document", broken.Stderr);
        Assert.False(File.Exists(PathOf("b.zip")));
    }

    [Fact]
    public async Task VerifyRefusesMissingFilesAndBadKeys()
    {
        var missing = await Loom.RunAsync(_dir, "verify", "nope.zip");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.zip: no such file", missing.Stderr);
        await File.WriteAllTextAsync(PathOf("key.txt"), "not a key");
        await File.WriteAllBytesAsync(PathOf("b.zip"), [1, 2, 3]);
        var badKey = await Loom.RunAsync(_dir, "verify", "b.zip", "--key", "key.txt");
        Assert.Equal(2, badKey.ExitCode);
        Assert.Contains("--key: key.txt: not a JWKS", badKey.Stderr);
        var notZip = await Loom.RunAsync(_dir, "verify", "b.zip");
        Assert.Equal(1, notZip.ExitCode);
        Assert.Contains("Not a ZIP archive", notZip.Stdout);
    }

    [Fact]
    public async Task BenchForgeExport_QuickRun_EndsWithJsonSummary()
    {
        var run = await Loom.RunAsync(_dir, "bench", "forge-export", "--size", "64", "--runs", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = JsonDocument.Parse(run.Stdout.TrimEnd().Split('\n')[^1]).RootElement;
        Assert.Equal("forge-export", json.GetProperty("bench").GetString());
        Assert.Equal(64, json.GetProperty("size").GetInt32());
        Assert.True(json.GetProperty("deterministic").GetBoolean());
        Assert.Equal(9, json.GetProperty("engines").EnumerateObject().Count());
        Assert.True(json.GetProperty("bundle_bytes").GetInt64() > 0);
        Assert.Matches("^[0-9a-f]{64}$", json.GetProperty("bundle_sha256").GetString());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("bundle_ms").ValueKind);
    }
}
