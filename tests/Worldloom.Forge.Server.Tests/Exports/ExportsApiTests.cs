using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Export;
using Worldloom.Forge.Export.Bundles;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Exports;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Forge.Server.Tests.Exports;

[Trait("Category", "Integration")]
public sealed class ExportsApiTests
{
    [Fact]
    public async Task Export_JsonAsFreeUser_DownloadsABundleSignedByTheServersCurrentKey()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Free);
        var (world, hash) = await ExportApi.WorldAsync(user);

        var view = await ExportApi.ExportAsync(user, world, new { engines = new[] { "json" } });
        var zip = await ExportApi.DownloadAsync(user, view);

        var key = host.Services.GetRequiredService<IKeyStore>().Current;
        var verification = BundleVerifier.Verify(new MemoryStream(zip), [key.PublicKey]);
        Assert.True(verification.Valid, string.Join("; ", verification.Problems.Select(p => p.Message)));
        Assert.Equal(key.KeyId, verification.KeyId);
        var jwks = await host.Client().GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == verification.KeyId);
        Assert.Equal(hash, verification.Manifest!.World.Hash);
        Assert.Equal(["json"], verification.Manifest.Engines);
        Assert.All(verification.Manifest.Files, f => Assert.StartsWith("json/", f.Path, StringComparison.Ordinal));

        var bundle = view.GetProperty("bundle");
        Assert.Equal(key.KeyId, bundle.GetProperty("keyId").GetString());
        Assert.Equal(verification.Manifest.Files.Count, bundle.GetProperty("files").GetInt32());
        Assert.Matches("^dragon-coast-e-[0-9a-f]{8}\\.zip$", bundle.GetProperty("fileName").GetString());
        Assert.Equal(hash[..8], bundle.GetProperty("fileName").GetString()![^12..^4]);
        var engine = Assert.Single(view.GetProperty("engineStatus").EnumerateArray());
        Assert.Equal("json", engine.GetProperty("engine").GetString());
        Assert.Equal("done", engine.GetProperty("status").GetString());
        Assert.Equal(verification.Manifest.Files.Count, engine.GetProperty("files").GetInt32());
        Assert.Equal(verification.Manifest.Files.Sum(f => f.Size), engine.GetProperty("bytes").GetInt64());
        Assert.Equal(100, view.GetProperty("progress").GetInt32());

        var listed = Assert.Single((await user.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{world}/exports")).EnumerateArray());
        Assert.Equal(view.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.Equal("ready", listed.GetProperty("status").GetString());
        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "world.export").Select(a => a.Target).ToListAsync());
        Assert.Equal([$"world:{world}#1"], audit);
    }

    [Fact]
    public async Task Export_TiledAsFreeUser_Is403NamingTheLockedEngineAndTheTierThatUnlocksIt_AndStartsNothing()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Free);
        var (world, _) = await ExportApi.WorldAsync(user);

        var response = await user.Client.PostAsJsonAsync($"/api/worlds/{world}/exports", new { engines = new[] { "json", "tiled", "godot" } });

        var problem = await ProblemJson.AssertAsync(response, HttpStatusCode.Forbidden);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("tiled, godot", detail, StringComparison.Ordinal);
        Assert.Contains("pro or lifetime", detail, StringComparison.Ordinal);
        Assert.Equal("pro", problem.GetProperty("requiredTier").GetString());
        Assert.Equal(["tiled", "godot"], problem.GetProperty("lockedEngines").EnumerateArray().Select(e => e.GetString()));
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync($"/api/worlds/{world}/exports", new { engines = "all" }), HttpStatusCode.Forbidden);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<WorldExportRecord>().CountAsync()));
        Assert.Equal(0, await host.WithDbAsync(db => db.Jobs.CountAsync(j => j.Kind == WorldExportJob.KindName)));
    }

    [Fact]
    public async Task Export_AllEnginesAsPro_IsReady_WithEveryEngineDone_AndAFolderPerEngine()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, _) = await ExportApi.WorldAsync(user);

        var view = await ExportApi.ExportAsync(user, world, new { engines = "all" });
        var zip = await ExportApi.DownloadAsync(user, view);

        var verification = BundleVerifier.Verify(new MemoryStream(zip), [host.Services.GetRequiredService<IKeyStore>().Current.PublicKey]);
        Assert.True(verification.Valid, string.Join("; ", verification.Problems.Select(p => p.Message)));
        Assert.Equal(ExportEngines.All, verification.Manifest!.Engines);
        Assert.Equal(ExportEngines.All.Order(StringComparer.Ordinal), verification.Manifest.Files.Select(f => f.Path.Split('/')[0]).Distinct());
        Assert.All(ExportEngines.All, e => Assert.Contains($"{e}/README.txt", verification.Manifest.Files.Select(f => f.Path)));
        Assert.Equal(ExportEngines.All, view.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        var engines = view.GetProperty("engineStatus").EnumerateArray().ToList();
        Assert.Equal(ExportEngines.All, engines.Select(e => e.GetProperty("engine").GetString()));
        foreach (var e in engines)
        {
            var name = e.GetProperty("engine").GetString()!;
            Assert.Equal("done", e.GetProperty("status").GetString());
            Assert.Equal(ExportEngines.Titles[name], e.GetProperty("title").GetString());
            Assert.Equal(verification.Manifest.Files.Count(f => f.Path.StartsWith(name + "/", StringComparison.Ordinal)), e.GetProperty("files").GetInt32());
        }
    }

    [Fact]
    public async Task OthersWorldAndExports_AreNotFound_OnEveryRoute()
    {
        await using var host = await LoomHost.StartAsync();
        var owner = await host.UserAsync(tier: Tiers.Pro);
        var other = await host.UserAsync(tier: Tiers.Pro);
        var (world, _) = await ExportApi.WorldAsync(owner);
        var view = await ExportApi.ExportAsync(owner, world, new { engines = "json" });
        var id = view.GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await other.Client.PostAsJsonAsync($"/api/worlds/{world}/exports", new { engines = "json" }), HttpStatusCode.NotFound);
        foreach (var url in new[] { $"/api/worlds/{world}/exports", $"/api/exports/{id}", $"/api/exports/{id}/download" })
        {
            await ProblemJson.AssertAsync(await other.Client.GetAsync(url), HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync($"/api/exports/{id}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync($"/api/worlds/{world}/exports", new { engines = "json" })).StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<WorldExportRecord>().CountAsync()));
    }

    [Theory]
    [InlineData("""{}""", "engines")]
    [InlineData("""{"engines": null}""", "engines")]
    [InlineData("""{"engines": []}""", "engines")]
    [InlineData("""{"engines": ""}""", "engines")]
    [InlineData("""{"engines": "gold"}""", "engines")]
    [InlineData("""{"engines": ["json", "unity3d"]}""", "engines")]
    [InlineData("""{"engines": 5}""", "engines")]
    [InlineData("""{"engines": {"json": true}}""", "engines")]
    [InlineData("""{"engines": ["json", 1]}""", "engines")]
    [InlineData("""{"engines": ["json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json","json"]}""", "engines")]
    [InlineData("""{"engines": "json", "snapshot": "head"}""", "snapshot")]
    [InlineData("""{"engines": "json", "snapshot": 9}""", "snapshot")]
    public async Task Export_BadBody_IsAProblemNamingTheField_AndStartsNothing(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, _) = await ExportApi.WorldAsync(user);

        var response = await user.Client.PostAsync($"/api/worlds/{world}/exports", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<WorldExportRecord>().CountAsync()));
    }

    [Fact]
    public async Task Download_BeforeReady_Is409NamingTheExportAndItsStatus_AndAWorldStillGenerating_CannotExport()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, hash) = await ExportApi.WorldAsync(user);
        // An export whose job has not started yet, made directly: a real job is too quick to catch before it ends.
        var pending = new WorldExportRecord { Id = Guid.NewGuid(), WorldId = world, Snapshot = 1, WorldHash = hash, Engines = "json", OwnerId = user.Id, CreatedAt = host.Clock.GetUtcNow() };
        await host.WithDbAsync(async db =>
        {
            db.Add(pending);
            await db.SaveChangesAsync();
        });

        var problem = await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/exports/{pending.Id}/download"), HttpStatusCode.Conflict, "export");
        Assert.Contains("queued", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var view = await user.Client.GetFromJsonAsync<JsonElement>($"/api/exports/{pending.Id}");
        Assert.Equal("queued", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("downloadUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("bundle").ValueKind);

        await host.WithDbAsync(db => db.Set<Worlds.WorldRecord>().Where(w => w.Id == world)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Hash, (string?)null).SetProperty(w => w.Status, Worlds.WorldStatus.Generating)));
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync($"/api/worlds/{world}/exports", new { engines = "json" }), HttpStatusCode.Conflict, "world");
    }

    [Fact]
    public async Task Export_WhenTheJobFailedForGood_ShowsFailedWithTheJobsError()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, hash) = await ExportApi.WorldAsync(user);
        var now = host.Clock.GetUtcNow();
        var job = new Job { Id = Guid.NewGuid(), OwnerId = user.Id, Kind = WorldExportJob.KindName, Status = JobStatus.Failed, Error = "disk on fire", Progress = 40, CreatedAt = now, UpdatedAt = now, FinishedAt = now };
        var export = new WorldExportRecord { Id = Guid.NewGuid(), WorldId = world, Snapshot = 1, WorldHash = hash, Engines = "json", OwnerId = user.Id, JobId = job.Id, Status = ExportStatus.Running, CreatedAt = now };
        await host.WithDbAsync(async db =>
        {
            db.Add(job);
            db.Add(export);
            await db.SaveChangesAsync();
        });

        var view = await user.Client.GetFromJsonAsync<JsonElement>($"/api/exports/{export.Id}");

        Assert.Equal("failed", view.GetProperty("status").GetString());
        Assert.Equal("disk on fire", view.GetProperty("error").GetString());
        var problem = await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/exports/{export.Id}/download"), HttpStatusCode.Conflict, "export");
        Assert.Contains("disk on fire", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SameWorldAndEngines_GivesByteIdenticalZips_EqualToTheLibrarysOwnBundle()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, _) = await ExportApi.WorldAsync(user);

        var firstView = await ExportApi.ExportAsync(user, world, new { engines = new[] { "tiled", "json" } });
        var first = await ExportApi.DownloadAsync(user, firstView);
        var secondView = await ExportApi.ExportAsync(user, world, new { engines = "json, TILED" });
        var second = await ExportApi.DownloadAsync(user, secondView);

        Assert.Equal(first, second);
        // The second export reused the first's bundle; built afresh here, from the document the server stored, the
        // bundle is the same bytes, so the reuse hides nothing.
        var document = await user.Client.GetByteArrayAsync($"/api/worlds/{world}/document");
        var source = new ExportSource(WorldDocument.Read(document, out _), document);
        using var local = new MemoryStream();
        WorldExport.Run(source, ["json", "tiled"], new KeyStoreBundleSigner(host.Services.GetRequiredService<IKeyStore>()), local);
        Assert.Equal(first, local.ToArray());
        // Each export's own job, by id: the test clock stands still, so creation times cannot tell them apart.
        var reused = new List<bool>();
        foreach (var view in new[] { firstView, secondView })
        {
            var job = view.GetProperty("jobId").GetGuid();
            var result = await host.WithDbAsync(db => db.Jobs.Where(j => j.Id == job).Select(j => j.Result!).SingleAsync());
            reused.Add(JsonDocument.Parse(result).RootElement.GetProperty("reused").GetBoolean());
        }

        Assert.Equal([false, true], reused);
    }

    [Fact]
    public async Task Export_WithTooManyUnderWay_Is429WithRetryAfter()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(tier: Tiers.Pro);
        var (world, _) = await ExportApi.WorldAsync(user);
        var now = host.Clock.GetUtcNow();
        await host.WithDbAsync(async db =>
        {
            for (var i = 0; i < ExportsApi.MaxInFlight; i++)
            {
                // Running jobs of another process, as far as this server can tell: it never picks them up.
                db.Add(new Job { Id = Guid.NewGuid(), OwnerId = user.Id, Kind = WorldExportJob.KindName, Status = JobStatus.Running, LeaseOwner = "elsewhere", LeaseExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now });
            }

            await db.SaveChangesAsync();
        });

        var response = await user.Client.PostAsJsonAsync($"/api/worlds/{world}/exports", new { engines = "json" });

        await ProblemJson.AssertAsync(response, HttpStatusCode.TooManyRequests);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<WorldExportRecord>().CountAsync()));
    }

    [Fact]
    public async Task Engines_ListsTheNineWithTitles_AndWhatTheCallersTierUnlocks()
    {
        await using var host = await LoomHost.StartAsync();
        var free = await host.UserAsync(tier: Tiers.Free);
        var lifetime = await host.UserAsync(tier: Tiers.Lifetime);

        var forFree = await free.Client.GetFromJsonAsync<JsonElement>("/api/exports/engines");
        var forLifetime = await lifetime.Client.GetFromJsonAsync<JsonElement>("/api/exports/engines");

        Assert.Equal("free", forFree.GetProperty("tier").GetString());
        Assert.Equal("pro", forFree.GetProperty("requiredTier").GetString());
        var engines = forFree.GetProperty("engines").EnumerateArray().ToList();
        Assert.Equal(ExportEngines.All, engines.Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(ExportEngines.All.Select(e => ExportEngines.Titles[e]), engines.Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(["json"], engines.Where(e => e.GetProperty("unlocked").GetBoolean()).Select(e => e.GetProperty("name").GetString()));
        Assert.All(forLifetime.GetProperty("engines").EnumerateArray(), e => Assert.True(e.GetProperty("unlocked").GetBoolean()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/exports/engines")).StatusCode);
    }
}
