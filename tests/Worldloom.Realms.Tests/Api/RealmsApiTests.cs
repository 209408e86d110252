using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;
using Worldloom.Realms.Realms;

namespace Worldloom.Realms.Tests.Api;

[Trait("Category", "Integration")]
public sealed class RealmsApiTests(RealmHost fixture) : IClassFixture<RealmHost>
{
    [Fact]
    public async Task Create_PinsTheWorldSnapshot_ListsAndReadsWithZonesAndExits_AndAudits()
    {
        var realm = await fixture.RealmAsync("test-area");
        var id = realm.GetProperty("id").GetGuid();
        Assert.Equal("test-area", realm.GetProperty("preset").GetString());
        Assert.Equal(2, realm.GetProperty("columns").GetInt32());
        Assert.Equal(2, realm.GetProperty("rows").GetInt32());
        var world = await fixture.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/worlds/{fixture.WorldId}");
        Assert.Equal(world.GetProperty("hash").GetString(), realm.GetProperty("worldHash").GetString());

        var list = await fixture.Owner.Client.GetFromJsonAsync<JsonElement>("/api/realms");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        var read = await RealmHost.JsonAsync(await fixture.Owner.Client.GetAsync($"/api/realms/{id}"), HttpStatusCode.OK);
        var zones = read.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(4, zones.Count);
        Assert.All(zones, z => Assert.Equal(128, z.GetProperty("width").GetInt32()));
        // Exits lead to a neighbour, and the neighbour has the way back.
        var exits = zones.SelectMany(z => z.GetProperty("exits").EnumerateArray().Select(e =>
            (From: (z.GetProperty("x").GetInt32(), z.GetProperty("y").GetInt32()), To: (e.GetProperty("x").GetInt32(), e.GetProperty("y").GetInt32())))).ToList();
        Assert.All(exits, e => Assert.Equal(1, Math.Abs(e.From.Item1 - e.To.Item1) + Math.Abs(e.From.Item2 - e.To.Item2)));
        Assert.All(exits, e => Assert.Contains((e.To, e.From), exits));

        var audited = await fixture.Host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "realms.realm.create" && a.Target == $"realm:{id}"));
        Assert.True(audited);
    }

    [Theory]
    [InlineData("""{"worldId":"WORLD","name":"","preset":"world"}""", "name")]
    [InlineData("""{"worldId":"WORLD","name":"LONG","preset":"world"}""", "name")]
    [InlineData("""{"worldId":"WORLD","name":"R","preset":"arena"}""", "preset")]
    [InlineData("""{"worldId":"WORLD","name":"R"}""", "preset")]
    [InlineData("""{"name":"R","preset":"world"}""", "worldId")]
    [InlineData("""{"worldId":5,"name":"R","preset":"world"}""", "worldId")]
    [InlineData("""{"worldId":"WORLD","name":["R"],"preset":"world"}""", "name")]
    [InlineData("""{"worldId":"WORLD","name":"R","preset":7}""", "preset")]
    [InlineData("""{"worldId":"WORLD","name":"R","preset":"world","visibility":"friends"}""", "visibility")]
    [InlineData("""{"worldId":"WORLD","name":"R","preset":"world","visibility":"PUBLIC"}""", "visibility")]
    [InlineData("""{"worldId":"WORLD","name":"R","preset":"world","visibility":1}""", "visibility")]
    public async Task Create_BadInput_NamesTheField_AndMakesNothing(string json, string field)
    {
        var user = fixture.Owner;
        var before = await CountAsync();
        var body = json.Replace("WORLD", fixture.WorldId.ToString(), StringComparison.Ordinal).Replace("LONG", new string('r', 101), StringComparison.Ordinal);
        var response = await user.Client.PostAsync("/api/realms", new StringContent(body, Encoding.UTF8, "application/json"));
        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_OnAnUnknownOrSomeoneElsesWorld_Is404()
    {
        var stranger = await fixture.Host.UserAsync();
        var theirs = await stranger.Client.PostAsJsonAsync("/api/realms", new { worldId = fixture.WorldId, name = "Mine now", preset = "world" });
        await ProblemJson.AssertAsync(theirs, HttpStatusCode.NotFound);
        var unknown = await stranger.Client.PostAsJsonAsync("/api/realms", new { worldId = Guid.NewGuid(), name = "Nowhere", preset = "world" });
        await ProblemJson.AssertAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Realm>().CountAsync(r => r.OwnerId == stranger.Id)));
    }

    [Fact]
    public async Task Create_OnAWorldNotGenerated_NamesWorldId()
    {
        var user = await fixture.Host.UserAsync();
        var world = await RealmHost.WorldAsync(user, "not yet", 64);
        await fixture.Host.WithDbAsync(async db =>
        {
            var row = await db.Set<WorldRecord>().SingleAsync(w => w.Id == world);
            row.Status = WorldStatus.Failed;
            await db.SaveChangesAsync();
        });
        var response = await user.Client.PostAsJsonAsync("/api/realms", new { worldId = world, name = "Too soon", preset = "world" });
        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "worldId");
    }

    [Fact]
    public async Task SomeoneElsesRealm_Is404_Everywhere_ButAnAdminSeesIt()
    {
        var id = (await fixture.RealmAsync()).GetProperty("id").GetGuid();
        var stranger = await fixture.Host.UserAsync();
        foreach (var path in new[] { $"/api/realms/{id}", $"/api/realms/{id}/zones/0/0/map", $"/api/realms/{id}/characters" })
        {
            await ProblemJson.AssertAsync(await stranger.Client.GetAsync(path), HttpStatusCode.NotFound);
        }

        var created = await stranger.Client.PostAsJsonAsync($"/api/realms/{id}/characters", new { name = "Intruder", @class = "mage" });
        await ProblemJson.AssertAsync(created, HttpStatusCode.NotFound);
        Assert.DoesNotContain((await stranger.Client.GetFromJsonAsync<JsonElement>("/api/realms")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        var admin = await fixture.Host.UserAsync(Roles.Admin);
        await RealmHost.JsonAsync(await admin.Client.GetAsync($"/api/realms/{id}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Visibility_DefaultsToPublicForATestArea_AndPrivateForAWorld_AndCanBeChosen()
    {
        Assert.Equal("public", (await fixture.RealmAsync("test-area")).GetProperty("visibility").GetString());
        Assert.Equal("private", (await fixture.RealmAsync("world")).GetProperty("visibility").GetString());
        Assert.Equal("private", (await fixture.RealmAsync("test-area", visibility: "private")).GetProperty("visibility").GetString());
        var open = await fixture.RealmAsync("world", visibility: "public");
        Assert.Equal("public", open.GetProperty("visibility").GetString());
        Assert.True(open.GetProperty("mine").GetBoolean());
        var id = open.GetProperty("id").GetGuid();
        var audited = await fixture.Host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "realms.realm.create" && a.Target == $"realm:{id}"));
        Assert.True(audited);
    }

    [Fact]
    public async Task APublicRealm_IsListedReadAndPlayableByEveryone_WhoSeeOnlyTheirOwnCharacters()
    {
        var id = (await fixture.RealmAsync("test-area")).GetProperty("id").GetGuid();
        var ownersCharacter = (await RealmHost.CharacterAsync(fixture.Owner, id)).GetProperty("id").GetGuid();
        var player = await fixture.Host.UserAsync();

        var listed = (await player.Client.GetFromJsonAsync<JsonElement>("/api/realms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.False(listed.GetProperty("mine").GetBoolean());
        Assert.Equal(fixture.Owner.Id, listed.GetProperty("ownerId").GetGuid());
        var ownersView = (await fixture.Owner.Client.GetFromJsonAsync<JsonElement>("/api/realms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.True(ownersView.GetProperty("mine").GetBoolean());

        var read = await RealmHost.JsonAsync(await player.Client.GetAsync($"/api/realms/{id}"), HttpStatusCode.OK);
        Assert.Equal(4, read.GetProperty("zones").GetArrayLength());
        Assert.False(read.GetProperty("mine").GetBoolean());
        await RealmHost.JsonAsync(await player.Client.GetAsync($"/api/realms/{id}/zones/0/0/map"), HttpStatusCode.OK);

        var theirs = (await RealmHost.CharacterAsync(player, id, "Visitor")).GetProperty("id").GetGuid();
        var list = await player.Client.GetFromJsonAsync<JsonElement>($"/api/realms/{id}/characters");
        Assert.Equal([theirs], list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var owners = (await fixture.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/realms/{id}/characters")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([ownersCharacter], owners);
        Assert.True(await fixture.Host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "realms.character.create" && a.Target == $"realm-character:{theirs}")));

        // Names stay unique across players.
        var taken = await player.Client.PostAsJsonAsync($"/api/realms/{id}/characters", new { name = "Visitor", @class = "mage" });
        await ProblemJson.AssertAsync(taken, HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task APrivateTestArea_Is404ForOthers_AndUnlisted()
    {
        var id = (await fixture.RealmAsync("test-area", visibility: "private")).GetProperty("id").GetGuid();
        var stranger = await fixture.Host.UserAsync();
        foreach (var path in new[] { $"/api/realms/{id}", $"/api/realms/{id}/zones/0/0/map", $"/api/realms/{id}/characters" })
        {
            await ProblemJson.AssertAsync(await stranger.Client.GetAsync(path), HttpStatusCode.NotFound);
        }

        await ProblemJson.AssertAsync(await stranger.Client.PostAsJsonAsync($"/api/realms/{id}/characters", new { name = "Intruder", @class = "mage" }), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await stranger.Client.GetFromJsonAsync<JsonElement>("/api/realms")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Worldloom.Realms.Characters.RealmCharacter>().CountAsync(c => c.RealmId == id)));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheRealmsApi()
    {
        var doc = await fixture.Host.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/realms", "/api/realms/{id}", "/api/realms/{id}/zones/{x}/{y}/map", "/api/realms/{id}/characters" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var response = await fixture.Host.Client().GetAsync("/api/realms");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ZoneMap_HasEveryLayer_AndIsCachedByETag()
    {
        var id = (await fixture.RealmAsync()).GetProperty("id").GetGuid();
        var response = await fixture.Owner.Client.GetAsync($"/api/realms/{id}/zones/1/0/map");
        var map = await RealmHost.JsonAsync(response, HttpStatusCode.OK);
        var width = map.GetProperty("width").GetInt32();
        var height = map.GetProperty("height").GetInt32();
        Assert.Equal((128, 128), (width, height));
        Assert.Equal(128, map.GetProperty("originX").GetInt32());
        Assert.Equal(width * height, map.GetProperty("cost").GetBytesFromBase64().Length);
        Assert.Equal(width * height, map.GetProperty("biome").GetBytesFromBase64().Length);
        Assert.Equal(width * height * 2, map.GetProperty("heights").GetBytesFromBase64().Length);
        Assert.NotEmpty(map.GetProperty("spawns").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, map.GetProperty("exits").ValueKind);

        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/realms/{id}/zones/1/0/map");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await fixture.Owner.Client.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData(2, 0, "x")]
    [InlineData(0, 2, "y")]
    [InlineData(-1, 0, "x")]
    [InlineData(0, 99999, "y")]
    public async Task ZoneMap_OutsideTheGrid_NamesTheCoordinate(int x, int y, string field)
    {
        var id = (await fixture.RealmAsync()).GetProperty("id").GetGuid();
        await ProblemJson.AssertAsync(await fixture.Owner.Client.GetAsync($"/api/realms/{id}/zones/{x}/{y}/map"), HttpStatusCode.BadRequest, field);
    }

    private Task<int> CountAsync() => fixture.Host.WithDbAsync(db => db.Set<Realm>().CountAsync());
}
