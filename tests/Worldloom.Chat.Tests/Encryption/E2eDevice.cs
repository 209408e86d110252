using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Chat.Crypto;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Encryption;

/// <summary>A client device in the tests: real keys, registered through the API, using the C# client crypto for everything.</summary>
public sealed class E2eDevice(TestUser user, DeviceKeys keys, Guid id) : IDisposable
{
    public TestUser User { get; } = user;

    public DeviceKeys Keys { get; } = keys;

    public Guid Id { get; } = id;

    public static async Task<E2eDevice> RegisterAsync(TestUser user, string name = "laptop")
    {
        var keys = DeviceKeys.Generate();
        var response = await user.Client.PostAsJsonAsync("/api/chat/devices", Body(keys, name));
        var json = await ChatApi.JsonAsync(response, HttpStatusCode.Created);
        return new E2eDevice(user, keys, json.GetProperty("id").GetGuid());
    }

    public static object Body(DeviceKeys keys, string name = "laptop") => new
    {
        name,
        x25519 = Convert.ToBase64String(keys.X25519Public),
        ed25519 = Convert.ToBase64String(keys.Ed25519Public),
        signature = Convert.ToBase64String(keys.BindingSignature()),
    };

    /// <summary>Makes a new room key and uploads it as the room's next epoch for every member device. Returns the response and the key.</summary>
    public async Task<(HttpResponseMessage Response, byte[] RoomKey, int Epoch)> RotateAsync(Guid room, Func<JsonElement, bool>? include = null, int? epoch = null)
    {
        // A caller racing others names the epoch it read once; reading it here would let a late rotator legitimately win the next one.
        epoch ??= (await ChatApi.GetAsync(User, $"/api/chat/rooms/{room}")).GetProperty("keyEpoch").GetInt32() + 1;
        var roomKey = RoomKeyWrap.NewRoomKey();
        var devices = await ChatApi.GetAsync(User, $"/api/chat/rooms/{room}/devices");
        var wraps = devices.EnumerateArray().Where(d => include?.Invoke(d) ?? true).Select(d => Wrap(room, epoch.Value, roomKey, d)).ToList();
        return (await User.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/keys", new { epoch, wraps }), roomKey, epoch.Value);
    }

    public object Wrap(Guid room, int epoch, byte[] roomKey, JsonElement device)
    {
        var deviceId = device.GetProperty("id").GetGuid();
        var x25519 = Convert.FromBase64String(device.GetProperty("x25519").GetString()!);
        var wrapped = RoomKeyWrap.Wrap(roomKey, new WrapContext(room, epoch, deviceId, Id), Keys, x25519);
        return new { deviceId, senderDeviceId = Id, wrapped = Convert.ToBase64String(wrapped) };
    }

    /// <summary>Rotates and expects 200; returns the key.</summary>
    public async Task<byte[]> NewEpochAsync(Guid room)
    {
        var (response, key, _) = await RotateAsync(room);
        await ChatApi.JsonAsync(response, HttpStatusCode.OK);
        return key;
    }

    /// <summary>This device's room keys by epoch, unwrapped after checking each sender's signature against its owner's device list.</summary>
    public async Task<Dictionary<int, byte[]>> KeysAsync(Guid room)
    {
        var result = new Dictionary<int, byte[]>();
        foreach (var k in (await ChatApi.GetAsync(User, $"/api/chat/rooms/{room}/keys?deviceId={Id}")).EnumerateArray())
        {
            var sender = k.GetProperty("senderDeviceId").GetGuid();
            var senderKey = await Ed25519Async(k.GetProperty("senderUserId").GetGuid(), sender);
            var epoch = k.GetProperty("epoch").GetInt32();
            result[epoch] = RoomKeyWrap.Unwrap(Convert.FromBase64String(k.GetProperty("wrapped").GetString()!), new WrapContext(room, epoch, Id, sender), Keys, senderKey!);
        }

        return result;
    }

    public async Task<byte[]?> Ed25519Async(Guid userId, Guid deviceId)
    {
        var devices = await ChatApi.GetAsync(User, $"/api/chat/users/{userId}/devices");
        return devices.EnumerateArray().Where(d => d.GetProperty("id").GetGuid() == deviceId)
            .Select(d => Convert.FromBase64String(d.GetProperty("ed25519").GetString()!)).FirstOrDefault();
    }

    public string Seal(Guid room, int epoch, byte[] roomKey, string text, string clientId) =>
        MessageEnvelope.Seal(text, roomKey, new MessageContext(room, epoch, Id, clientId), Keys);

    /// <summary>Posts <paramref name="text"/> sealed under the key; returns the response.</summary>
    public Task<HttpResponseMessage> PostAsync(Guid room, int epoch, byte[] roomKey, string text, string? clientId = null)
    {
        clientId ??= Guid.NewGuid().ToString("N");
        return ChatApi.PostAsync(User, room, Seal(room, epoch, roomKey, text, clientId), clientId);
    }

    /// <summary>Opens a message as the API shows it, looking the author's device up through the API.</summary>
    public async Task<string> OpenAsync(JsonElement message, Dictionary<int, byte[]> roomKeys)
    {
        var author = message.GetProperty("authorId").GetGuid();
        var body = message.GetProperty("body").GetString()!;
        var parts = MessageEnvelope.Parse(body)!;
        var signer = await Ed25519Async(author, parts.SenderDeviceId);
        return MessageEnvelope.Open(body, message.GetProperty("roomId").GetGuid(), message.GetProperty("clientId").GetString()!, e => roomKeys.GetValueOrDefault(e), _ => signer);
    }

    public void Dispose() => Keys.Dispose();
}
