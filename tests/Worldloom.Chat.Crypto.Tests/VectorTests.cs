using System.Text.Json;
using System.Text.Json.Nodes;

namespace Worldloom.Chat.Crypto.Tests;

/// <summary>
/// The cross-implementation vectors in <c>tests/vectors/chat-crypto.json</c>: fixed keys, nonces and ephemeral keys in,
/// exact bytes out. The TypeScript client's tests check the same file, so both clients seal byte for byte alike and each
/// opens what the other sealed. <c>LOOM_WRITE_VECTORS=1</c> rewrites the file from this implementation (then review the diff).
/// </summary>
public sealed class VectorTests
{
    private static readonly string SourcePath = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "vectors", "chat-crypto.json");

    private static JsonObject Compute()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        var (ax, aed) = alice.ExportPrivate();
        var (bx, bed) = bob.ExportPrivate();
        var wrapContext = new WrapContext(Keys.Room, 1, Keys.BobDevice, Keys.AliceDevice);
        var ephemeral = Keys.Fill(0xb0);
        var wrapNonce = Keys.Fill(0xd0, 12);
        var wrapped = RoomKeyWrap.Wrap(Keys.RoomKey, wrapContext, alice, bob.X25519Public, ephemeral, wrapNonce);
        var messages = new JsonArray();
        foreach (var (text, clientId, nonceStart) in new[] { ("meet at the old mill", "c-1", (byte)0xe0), ("Ünïcödé ✓ 🐉 — 東京", "client_2-x", (byte)0xf0) })
        {
            var context = new MessageContext(Keys.Room, 1, Keys.AliceDevice, clientId);
            var nonce = Keys.Fill(nonceStart, 12);
            messages.Add(new JsonObject
            {
                ["plaintext"] = text,
                ["clientId"] = clientId,
                ["nonce"] = Convert.ToBase64String(nonce),
                ["aad"] = Convert.ToBase64String(context.ToBytes()),
                ["envelope"] = MessageEnvelope.Seal(text, Keys.RoomKey, context, alice, nonce),
            });
        }

        return new JsonObject
        {
            ["comment"] = "Cross-implementation vectors for Chat's end-to-end encryption; see docs/chat-security.md. Bytes are base64 (standard, padded); envelopes are their text form.",
            ["roomId"] = Keys.Room.ToString(),
            ["epoch"] = 1,
            ["roomKey"] = Convert.ToBase64String(Keys.RoomKey),
            ["alice"] = Device(Keys.AliceDevice, ax, aed, alice),
            ["bob"] = Device(Keys.BobDevice, bx, bed, bob),
            ["safetyNumber"] = SafetyNumber.Of(alice.Ed25519Public, bob.Ed25519Public),
            ["wrap"] = new JsonObject
            {
                ["from"] = "alice",
                ["to"] = "bob",
                ["ephemeralPrivate"] = Convert.ToBase64String(ephemeral),
                ["nonce"] = Convert.ToBase64String(wrapNonce),
                ["context"] = Convert.ToBase64String(wrapContext.ToBytes()),
                ["wrapped"] = Convert.ToBase64String(wrapped),
            },
            ["messages"] = messages,
        };
    }

    private static JsonObject Device(Guid id, byte[] x, byte[] ed, DeviceKeys keys) => new()
    {
        ["deviceId"] = id.ToString(),
        ["x25519Private"] = Convert.ToBase64String(x),
        ["ed25519Seed"] = Convert.ToBase64String(ed),
        ["x25519Public"] = Convert.ToBase64String(keys.X25519Public),
        ["ed25519Public"] = Convert.ToBase64String(keys.Ed25519Public),
        ["bindingSignature"] = Convert.ToBase64String(keys.BindingSignature()),
    };

    [Fact]
    public void Vectors_MatchThisImplementation()
    {
        var computed = Compute().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (Environment.GetEnvironmentVariable("LOOM_WRITE_VECTORS") == "1")
        {
            File.WriteAllText(SourcePath, computed + "\n");
        }

        var stored = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "chat-crypto.json"));
        Assert.Equal(JsonNode.Parse(computed)!.ToJsonString(), JsonNode.Parse(stored)!.ToJsonString());
    }

    [Fact]
    public void Vectors_OpenWithTheOtherDevice()
    {
        var v = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "chat-crypto.json")))!;
        using var bob = DeviceKeys.Import(Convert.FromBase64String((string)v["bob"]!["x25519Private"]!), Convert.FromBase64String((string)v["bob"]!["ed25519Seed"]!));
        var aliceEd = Convert.FromBase64String((string)v["alice"]!["ed25519Public"]!);
        var room = Guid.Parse((string)v["roomId"]!);
        var context = new WrapContext(room, 1, Guid.Parse((string)v["bob"]!["deviceId"]!), Guid.Parse((string)v["alice"]!["deviceId"]!));

        var roomKey = RoomKeyWrap.Unwrap(Convert.FromBase64String((string)v["wrap"]!["wrapped"]!), context, bob, aliceEd);

        Assert.Equal(Convert.FromBase64String((string)v["roomKey"]!), roomKey);
        foreach (var m in v["messages"]!.AsArray())
        {
            var text = MessageEnvelope.Open((string)m!["envelope"]!, room, (string)m["clientId"]!, _ => roomKey, _ => aliceEd);
            Assert.Equal((string)m["plaintext"]!, text);
        }
    }
}
