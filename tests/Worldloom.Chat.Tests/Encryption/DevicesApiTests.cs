using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Crypto;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Encryption;

[Trait("Category", "Integration")]
public sealed class DevicesApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Register_Valid_IsListedForMeAndOthers_AndAudited()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        using var device = await E2eDevice.RegisterAsync(alice, "phone");

        var mine = await ChatApi.GetAsync(alice, "/api/chat/devices");
        var seen = await ChatApi.GetAsync(bob, $"/api/chat/users/{alice.Id}/devices");

        Assert.Equal(device.Id, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid());
        var row = Assert.Single(seen.EnumerateArray());
        Assert.Equal("phone", row.GetProperty("name").GetString());
        Assert.Equal(Convert.ToBase64String(device.Keys.Ed25519Public), row.GetProperty("ed25519").GetString());
        Assert.Equal(Convert.ToBase64String(device.Keys.X25519Public), row.GetProperty("x25519").GetString());
        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "chat.device.add").Select(a => a.Target).ToListAsync());
        Assert.Contains($"chat-device:{device.Id}", audit);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("x25519")]
    [InlineData("ed25519")]
    [InlineData("signature")]
    public async Task Register_BadField_IsNamed(string field)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        using var keys = DeviceKeys.Generate();
        using var other = DeviceKeys.Generate();
        var good = new Dictionary<string, object?>
        {
            ["name"] = "laptop",
            ["x25519"] = Convert.ToBase64String(keys.X25519Public),
            ["ed25519"] = Convert.ToBase64String(keys.Ed25519Public),
            ["signature"] = Convert.ToBase64String(keys.BindingSignature()),
        };
        object?[] bads = field switch
        {
            "name" => ["", "   ", new string('n', 65), null, 5],
            "signature" => [Convert.ToBase64String(other.BindingSignature()), Convert.ToBase64String(new byte[64]), "AAAA", "not base64!", null],
            _ => [Convert.ToBase64String(new byte[31]), Convert.ToBase64String(new byte[33]), "not base64!", "", null, Convert.ToBase64String(new byte[4096])],
        };

        foreach (var bad in bads)
        {
            var body = new Dictionary<string, object?>(good) { [field] = bad };
            var response = await user.Client.PostAsJsonAsync("/api/chat/devices", body);
            await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        }

        Assert.Empty((await ChatApi.GetAsync(user, "/api/chat/devices")).EnumerateArray());
    }

    [Fact]
    public async Task Register_WrongJsonType_Is400()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        var response = await user.Client.PostAsync("/api/chat/devices", ChatApi.Raw("""{"name": "x", "x25519": 5}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Register_SameKeysAgain_ReturnsTheFirst_ButNotForSomeoneElse()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var mallory = await host.UserAsync();
        using var device = await E2eDevice.RegisterAsync(alice);

        var again = await ChatApi.JsonAsync(await alice.Client.PostAsJsonAsync("/api/chat/devices", E2eDevice.Body(device.Keys)), HttpStatusCode.OK);
        var stolen = await mallory.Client.PostAsJsonAsync("/api/chat/devices", E2eDevice.Body(device.Keys));

        Assert.Equal(device.Id, again.GetProperty("id").GetGuid());
        await ProblemJson.AssertAsync(stolen, HttpStatusCode.Conflict);
        Assert.Empty((await ChatApi.GetAsync(mallory, "/api/chat/devices")).EnumerateArray());
    }

    [Fact]
    public async Task Register_PastTheLimit_Is409_UntilOneIsRevoked()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var devices = new List<E2eDevice>();
        for (var i = 0; i < 20; i++)
        {
            devices.Add(await E2eDevice.RegisterAsync(user));
        }

        using var extra = DeviceKeys.Generate();
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync("/api/chat/devices", E2eDevice.Body(extra)), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/chat/devices/{devices[0].Id}")).StatusCode);
        await ChatApi.JsonAsync(await user.Client.PostAsJsonAsync("/api/chat/devices", E2eDevice.Body(extra)), HttpStatusCode.Created);
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Revoke_SomeoneElsesOrUnknown_Is404_OwnIsMarked_AndAudited()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        using var device = await E2eDevice.RegisterAsync(alice);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.DeleteAsync($"/api/chat/devices/{device.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Client.DeleteAsync($"/api/chat/devices/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/chat/devices/{device.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Client.DeleteAsync($"/api/chat/devices/{device.Id}")).StatusCode);

        var row = Assert.Single((await ChatApi.GetAsync(bob, $"/api/chat/users/{alice.Id}/devices")).EnumerateArray());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, row.GetProperty("revokedAt").ValueKind);
        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "chat.device.revoke").Select(a => a.Target).ToListAsync());
        Assert.Single(audit, $"chat-device:{device.Id}");
    }

    [Fact]
    public async Task OfUser_Unknown_Is404_AndAnonymous_Is401()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/chat/users/{Guid.NewGuid()}/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync($"/api/chat/users/{user.Id}/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync("/api/chat/devices", new { name = "x" })).StatusCode);
    }
}
