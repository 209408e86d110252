using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Crypto;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Encryption;

[Trait("Category", "Integration")]
public sealed class RoomKeysApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task FirstEpoch_CoveringEveryDevice_IsStored_AndEachDeviceUnwrapsIt()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var a2 = await E2eDevice.RegisterAsync(alice, "phone");
        using var b1 = await E2eDevice.RegisterAsync(bob);

        var key = await a1.NewEpochAsync(room);

        Assert.Equal(1, (await ChatApi.GetAsync(bob, $"/api/chat/rooms/{room}")).GetProperty("keyEpoch").GetInt32());
        foreach (var device in new[] { a1, a2, b1 })
        {
            Assert.Equal(key, (await device.KeysAsync(room))[1]);
        }

        var audit = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "chat.room.key").Select(a => a.Target).ToListAsync());
        Assert.Contains($"chat-room:{room}", audit);
    }

    [Fact]
    public async Task Upload_MissingADevice_Is409_NamingIt_AndChangesNothing()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);

        var (response, _, _) = await a1.RotateAsync(room, d => d.GetProperty("id").GetGuid() != b1.Id);

        var problem = await ProblemJson.AssertAsync(response, HttpStatusCode.Conflict, "wraps");
        Assert.Equal(b1.Id, Assert.Single(problem.GetProperty("missingDevices").EnumerateArray()).GetGuid());
        Assert.Equal(0, (await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}")).GetProperty("keyEpoch").GetInt32());
        Assert.Empty(await a1.KeysAsync(room));
    }

    [Fact]
    public async Task Upload_WrongEpoch_Is409_WithTheCurrentOne()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        var key = RoomKeyWrap.NewRoomKey();
        var devices = await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/devices");
        var wrap = a1.Wrap(room, 2, key, devices[0]);

        var skipping = await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys", new { epoch = 2, wraps = new[] { wrap } });
        await a1.NewEpochAsync(room);
        var replayed = await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys", new { epoch = 1, wraps = new[] { a1.Wrap(room, 1, key, devices[0]) } });

        Assert.Equal(0, (await ProblemJson.AssertAsync(skipping, HttpStatusCode.Conflict, "epoch")).GetProperty("currentEpoch").GetInt32());
        Assert.Equal(1, (await ProblemJson.AssertAsync(replayed, HttpStatusCode.Conflict, "epoch")).GetProperty("currentEpoch").GetInt32());
    }

    [Fact]
    public async Task Upload_BadWraps_AreNamed()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var carol = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);
        using var outsider = await E2eDevice.RegisterAsync(carol);
        var key = RoomKeyWrap.NewRoomKey();
        var devices = (await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/devices")).EnumerateArray().ToList();
        var good = devices.Select(d => a1.Wrap(room, 1, key, d)).ToList();
        var aliceX = Convert.ToBase64String(a1.Keys.X25519Public);
        var forAlice = devices.Single(d => d.GetProperty("id").GetGuid() == a1.Id);
        // Signed for another epoch; by Bob's device (not the caller's); for a device outside the room; truncated.
        var wrongEpoch = a1.Wrap(room, 2, key, forAlice);
        var bobsDevice = new { deviceId = a1.Id, senderDeviceId = b1.Id, wrapped = Convert.ToBase64String(RoomKeyWrap.Wrap(key, new WrapContext(room, 1, a1.Id, b1.Id), b1.Keys, a1.Keys.X25519Public)) };
        var outsiderWrap = new { deviceId = outsider.Id, senderDeviceId = a1.Id, wrapped = aliceX };
        var cases = new (object Body, string Field)[]
        {
            (new { epoch = 1, wraps = Array.Empty<object>() }, "wraps"),
            (new { epoch = 1 }, "wraps"),
            (new { wraps = good }, "epoch"),
            (new { epoch = 1, wraps = new object[] { wrongEpoch, good[1] } }, "wraps[0]"),
            (new { epoch = 1, wraps = new object[] { bobsDevice, good[1] } }, "wraps[0]"),
            (new { epoch = 1, wraps = new object[] { good[0], good[1], outsiderWrap } }, "wraps[2]"),
            (new { epoch = 1, wraps = new object[] { good[0], good[0], good[1] } }, "wraps[1]"),
            (new { epoch = 1, wraps = new object[] { new { deviceId = a1.Id, senderDeviceId = a1.Id, wrapped = "AAAA" }, good[1] } }, "wraps[0]"),
            (new { epoch = 1, wraps = new object[] { new { deviceId = a1.Id, senderDeviceId = a1.Id, wrapped = new string('A', 100_000) }, good[1] } }, "wraps[0]"),
        };

        foreach (var (body, field) in cases)
        {
            await ProblemJson.AssertAsync(await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys", body), HttpStatusCode.BadRequest, field);
        }

        Assert.Equal(0, (await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}")).GetProperty("keyEpoch").GetInt32());
    }

    [Fact]
    public async Task Keys_NonMemberOrPlainRoomOrOthersDevice_AreRefused()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        var secret = await E2eRooms.CreateAsync(alice, "private");
        var plain = await ChatApi.RoomAsync(alice);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys", new { epoch = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/chat/rooms/{secret}/keys?deviceId={b1.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync($"/api/chat/rooms/{room}/devices")).StatusCode);
        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/rooms/{plain}/keys/missing"), HttpStatusCode.Conflict);
        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/rooms/{room}/keys?deviceId={b1.Id}"), HttpStatusCode.BadRequest, "deviceId");
        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/rooms/{room}/keys"), HttpStatusCode.BadRequest, "deviceId");
    }

    [Fact]
    public async Task ConcurrentFirstEpochs_ExactlyOneWins()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a1 : b1).RotateAsync(room, epoch: 1)));

        Assert.Single(results, r => r.Response.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.Response.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Response.StatusCode));
        var winner = results.Single(r => r.Response.StatusCode == HttpStatusCode.OK).RoomKey;
        Assert.Equal(winner, (await a1.KeysAsync(room))[1]);
        Assert.Equal(winner, (await b1.KeysAsync(room))[1]);
    }

    [Fact]
    public async Task NewDevice_IsMissing_UntilAMemberWrapsForIt_AndOldEpochsOnlyFromItsOwner()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);
        var first = await a1.NewEpochAsync(room);
        var second = await a1.NewEpochAsync(room);
        using var b2 = await E2eDevice.RegisterAsync(bob, "phone");

        var missing = await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/keys/missing");
        Assert.Equal(2, missing.GetProperty("epoch").GetInt32());
        var device = Assert.Single(missing.GetProperty("devices").EnumerateArray());
        Assert.Equal(b2.Id, device.GetProperty("id").GetGuid());

        // Alice may give Bob's new device the current key, but not the older one: that is Bob's own history to share.
        var current = await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys/2/wraps", new { wraps = new[] { a1.Wrap(room, 2, second, device) } });
        Assert.Equal(1, (await ChatApi.JsonAsync(current, HttpStatusCode.OK)).GetProperty("added").GetInt32());
        await ProblemJson.AssertAsync(
            await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys/1/wraps", new { wraps = new[] { a1.Wrap(room, 1, first, device) } }), HttpStatusCode.BadRequest, "wraps[0]");
        var own = await bob.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys/1/wraps", new { wraps = new[] { b1.Wrap(room, 1, first, device) } });
        await ChatApi.JsonAsync(own, HttpStatusCode.OK);
        var again = await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys/2/wraps", new { wraps = new[] { a1.Wrap(room, 2, second, device) } });
        Assert.Equal(0, (await ChatApi.JsonAsync(again, HttpStatusCode.OK)).GetProperty("added").GetInt32());
        await ProblemJson.AssertAsync(
            await alice.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys/3/wraps", new { wraps = new[] { a1.Wrap(room, 2, second, device) } }), HttpStatusCode.BadRequest, "epoch");

        var keys = await b2.KeysAsync(room);
        Assert.Equal(first, keys[1]);
        Assert.Equal(second, keys[2]);
        Assert.Empty((await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/keys/missing")).GetProperty("devices").EnumerateArray());
    }

    [Fact]
    public async Task Leave_NeedsRotation_AndTheNewEpochLeavesTheFormerMemberOut()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);
        await a1.NewEpochAsync(room);

        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.PostAsync($"/api/chat/rooms/{room}/leave", null)).StatusCode);

        var view = await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}");
        Assert.True(view.GetProperty("keyRotationNeeded").GetBoolean());
        Assert.True((await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/keys/missing")).GetProperty("rotationNeeded").GetBoolean());
        var (response, _, _) = await a1.RotateAsync(room);
        var after = await ChatApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.False(after.GetProperty("keyRotationNeeded").GetBoolean());
        Assert.Equal(2, after.GetProperty("keyEpoch").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync($"/api/chat/rooms/{room}/keys?deviceId={b1.Id}")).StatusCode);
        var wraps = await host.WithDbAsync(db => db.Set<Worldloom.Chat.Encryption.ChatRoomKey>().Where(k => k.RoomId == room && k.Epoch == 2).Select(k => k.DeviceId).ToListAsync());
        Assert.Equal([a1.Id], wraps);
    }

    [Fact]
    public async Task RevokingADevice_RotatesItsOwnersRooms_AndItGetsNoNewKeys()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await E2eRooms.CreateAsync(alice);
        await ChatApi.JoinAsync(bob, room);
        using var a1 = await E2eDevice.RegisterAsync(alice);
        using var b1 = await E2eDevice.RegisterAsync(bob);
        using var b2 = await E2eDevice.RegisterAsync(bob, "stolen phone");
        await a1.NewEpochAsync(room);

        Assert.Equal(HttpStatusCode.NoContent, (await bob.Client.DeleteAsync($"/api/chat/devices/{b2.Id}")).StatusCode);

        Assert.True((await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}")).GetProperty("keyRotationNeeded").GetBoolean());
        var devices = (await ChatApi.GetAsync(alice, $"/api/chat/rooms/{room}/devices")).EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(b2.Id, devices);
        await a1.NewEpochAsync(room);
        await ProblemJson.AssertAsync(await bob.Client.GetAsync($"/api/chat/rooms/{room}/keys?deviceId={b2.Id}"), HttpStatusCode.BadRequest, "deviceId");
    }
}
