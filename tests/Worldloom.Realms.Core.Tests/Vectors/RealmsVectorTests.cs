using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Snapshots;
using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Core.Tests.Vectors;

/// <summary>
/// The cross-implementation vectors in <c>tests/vectors/realms/</c>: frames and a full snapshot followed by two deltas,
/// as bytes (hex) with what they mean (JSON). web/src/realms/*.test.ts decodes the same files, so the C# and TypeScript
/// codecs stay in step; this test fails when the encoder no longer writes the checked-in bytes.
/// <c>LOOM_WRITE_VECTORS=1</c> rewrites the files from this implementation (then review the diff).
/// </summary>
public sealed class RealmsVectorTests
{
    private static readonly string SourceDirectory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "vectors", "realms");
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("frames.json")]
    [InlineData("snapshots.json")]
    public void Vectors_MatchThisImplementation(string name)
    {
        var computed = (name == "frames.json" ? Frames() : Snapshots()).ToJsonString(Indented);
        if (Environment.GetEnvironmentVariable("LOOM_WRITE_VECTORS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory, name), computed + "\n");
        }

        var stored = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", name));
        Assert.Equal(JsonNode.Parse(computed)!.ToJsonString(), JsonNode.Parse(stored)!.ToJsonString());
    }

    [Fact]
    public void StoredSnapshots_DecodeToTheirExpectedJson()
    {
        var stored = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "snapshots.json")))!;
        var decoder = new SnapshotDecoder();
        foreach (var step in stored["steps"]!.AsArray())
        {
            Assert.True(decoder.TryDecode(Convert.FromHexString((string)step!["hex"]!), out var snapshot, out var error), error?.ToString());
            Assert.Equal(step["snapshot"]!.ToJsonString(), Json(snapshot).ToJsonString());
        }
    }

    private static JsonObject Frames()
    {
        var realm = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        ClientFrame[] client =
        [
            new AuthFrame("eyJhbGciOiJFZERTQSJ9.e30.c2ln"),
            new JoinFrame(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff")),
            new InputFrame(new PlayerInput(41, 1024, null)),
            new InputFrame(new PlayerInput(42, PlayerInput.Stop, new SkillCast(1, 77, new Vec(0, 0)))),
            new InputFrame(new PlayerInput(43, 4095, new SkillCast(2, 0, new Vec(-5, 33000)))),
            new InputFrame(new PlayerInput(44, 2048, null), 1234568),
            new InputFrame(new PlayerInput(45, PlayerInput.Stop, new SkillCast(3, 9, new Vec(0, 0))), 0),
            new AckFrame(1234567),
            new ConsoleCommandFrame("/spawn wolf 3"),
            new ConsoleCommandFrame("/say Grüße 🐉"),
            new PingFrame(0xfeedbeef),
        ];
        ServerFrame[] server =
        [
            new WelcomeFrame(17, realm, 2, 3, 9000, 20),
            new SnapshotFrame(new byte[] { 0x01, 0x02, 0xff }),
            new RefusedFrame(42, "cooldown"),
            new TransferFrame(3, 3),
            new ConsoleReplyFrame("spawned 3 × wolf"),
            new ErrorFrame("out_of_range", "input.move_angle must be -1 (stop) or 0..4095; got 5000"),
            new PongFrame(0xfeedbeef),
        ];
        string[] badClient = ["", "08", "07" + "2c000000" + "0008" + "00" + "00000000" + "00000000" + "00000000" + "d4d6", "0401", "0101", "0100", "06010203040506", "0580", "0502c328", "0301000000001000" + "000000000000000000000000", "0301000000000000" + "050000000000000000000000", "03010000000000" + "01" + "00000000" + "00000000" + "00000080"];
        string[] badServer = ["", "80", "8701", "860161", "8101000000" + "00000000000000000000000000000000" + "0000" + "00000000" + "00"];
        return new JsonObject
        {
            ["comment"] = "Realms wire frames (docs/realms.md, \"Wire protocol\"): bytes as hex, with the frame they encode; bad frames with the error code and field the reader must give. Written by tests/Worldloom.Realms.Core.Tests/Vectors/RealmsVectorTests.cs.",
            ["client"] = new JsonArray([.. client.Select(f => new JsonObject { ["hex"] = Hex(ClientFrames.ToArray(f)), ["frame"] = Json(f) })]),
            ["server"] = new JsonArray([.. server.Select(f => new JsonObject { ["hex"] = Hex(ServerFrames.ToArray(f)), ["frame"] = Json(f) })]),
            ["badClient"] = new JsonArray([.. badClient.Select(hex => Bad(hex, ClientFrames.TryRead(Convert.FromHexString(hex), out _, out var e) ? null : e))]),
            ["badServer"] = new JsonArray([.. badServer.Select(hex => Bad(hex, ServerFrames.TryRead(Convert.FromHexString(hex), out _, out var e) ? null : e))]),
        };
    }

    private static JsonObject Snapshots()
    {
        var encoder = new SnapshotEncoder();
        var decoder = new SnapshotDecoder();
        var steps = new JsonArray();
        var mage = new EntityState(1, EntityKind.Player, 0, new Vec(5000, 6001), 100, 250, 250, 180, 200, EntityActivity.Moving, 0, Telegraph.None, EntityFlags.Invulnerable, 0);
        var wolf = new EntityState(4, EntityKind.Enemy, 2, new Vec(7000, 6500), 2100, 80, 80, 0, 0, EntityActivity.Pursue, 0, Telegraph.None, EntityFlags.None, 1);
        var bear = new EntityState(9, EntityKind.Enemy, 3, new Vec(9000, 4000), 3000, 400, 400, 0, 0, EntityActivity.Idle, 0, Telegraph.None, EntityFlags.None, 0);
        var missile = new EntityState(12, EntityKind.Projectile, 0, new Vec(5100, 6000), 0, 0, 0, 0, 0, EntityActivity.Moving, 0, Telegraph.None, EntityFlags.None, 4);
        var wound = new ZoneEvent(ZoneEventKind.Damage, 12, 4, 23, new Vec(6990, 6490), 0);
        var windUp = wolf with
        {
            Position = new Vec(5300, 6100),
            Activity = EntityActivity.WindUp,
            ActivityTicks = 8,
            Hp = 57,
            Telegraph = new Telegraph(TelegraphShape.Cone, new Vec(5300, 6100), 512, 2048, 1024, 8),
        };
        (uint Tick, OwnState Own, EntityState[] Visible, ZoneEvent[] Events)[] ticks =
        [
            (100, new OwnState(1, 500, 0, 0, 0, 0), [mage, wolf, bear], [new ZoneEvent(ZoneEventKind.Cast, 1, 4, 0, new Vec(7000, 6500), 1)]),
            (101, new OwnState(1, 501, 12, 0, 0, 0), [mage with { Position = new Vec(5040, 6010) }, wolf with { Position = new Vec(6950, 6480) }, bear, missile], []),
            (103, new OwnState(1, 503, 10, 0, 0, 0), [mage with { Position = new Vec(5120, 6030), Mana = 170 }, windUp, missile with { Position = new Vec(9000, 9000), Target = 9 }], [wound, new ZoneEvent(ZoneEventKind.Knockback, 12, 4, 0, new Vec(7100, 6600), 0)]),
        ];
        foreach (var (tick, own, visible, events) in ticks)
        {
            var buffer = new ArrayBufferWriter<byte>();
            encoder.Encode(tick, own, visible, events, buffer);
            Assert.True(decoder.TryDecode(buffer.WrittenSpan, out var snapshot, out var error), error?.ToString());
            Assert.Equal(visible.Select(Quantizer.Entity).OrderBy(e => e.Id), snapshot.Entities);
            steps.Add(new JsonObject { ["hex"] = Hex(buffer.WrittenSpan), ["snapshot"] = Json(snapshot) });
            encoder.Acknowledge(tick);
        }

        return new JsonObject
        {
            ["comment"] = "Realms snapshots (docs/realms.md, \"Snapshot format\"): a full snapshot then two deltas, each against the one before; decode them in order with one decoder. Enums are numbers (EntityKind, EntityActivity, TelegraphShape, EntityFlags, ZoneEventKind). Written by tests/Worldloom.Realms.Core.Tests/Vectors/RealmsVectorTests.cs.",
            ["steps"] = steps,
        };
    }

    private static JsonObject Bad(string hex, WireError? error) => new()
    {
        ["hex"] = hex,
        ["code"] = error?.Code ?? throw new InvalidOperationException($"{hex} was accepted"),
        ["field"] = error.Field,
    };

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static JsonObject Json(ClientFrame frame) => frame switch
    {
        AuthFrame f => new() { ["type"] = "auth", ["accessToken"] = f.AccessToken },
        JoinFrame f => new() { ["type"] = "join", ["characterId"] = f.CharacterId.ToString() },
        InputFrame f => Json(f),
        AckFrame f => new() { ["type"] = "ack", ["tick"] = f.Tick },
        ConsoleCommandFrame f => new() { ["type"] = "console", ["line"] = f.Line },
        PingFrame f => new() { ["type"] = "ping", ["nonce"] = f.Nonce },
        _ => throw new ArgumentException(frame.ToString()),
    };

    private static JsonObject Json(InputFrame frame)
    {
        var i = frame.Input;
        var json = new JsonObject
        {
            ["type"] = "input",
            ["sequence"] = i.Sequence,
            ["moveAngle"] = i.MoveAngle,
            ["slot"] = i.Cast?.Slot ?? 0,
            ["target"] = i.Cast?.Target ?? 0,
            ["pointX"] = i.Cast?.Point.X ?? 0,
            ["pointY"] = i.Cast?.Point.Y ?? 0,
        };
        if (frame.Ack is { } ack)
        {
            json["ack"] = ack;
        }

        return json;
    }

    private static JsonObject Json(ServerFrame frame) => frame switch
    {
        WelcomeFrame f => new()
        {
            ["type"] = "welcome",
            ["entityId"] = f.EntityId,
            ["realmId"] = f.RealmId.ToString(),
            ["zoneX"] = f.ZoneX,
            ["zoneY"] = f.ZoneY,
            ["tick"] = f.Tick,
            ["ticksPerSecond"] = f.TicksPerSecond,
        },
        SnapshotFrame f => new() { ["type"] = "snapshot", ["payload"] = Hex(f.Payload.Span) },
        RefusedFrame f => new() { ["type"] = "refused", ["sequence"] = f.Sequence, ["code"] = f.Code },
        TransferFrame f => new() { ["type"] = "transfer", ["zoneX"] = f.ZoneX, ["zoneY"] = f.ZoneY },
        ConsoleReplyFrame f => new() { ["type"] = "console", ["text"] = f.Text },
        ErrorFrame f => new() { ["type"] = "error", ["code"] = f.Code, ["message"] = f.Message },
        PongFrame f => new() { ["type"] = "pong", ["nonce"] = f.Nonce },
        _ => throw new ArgumentException(frame.ToString()),
    };

    private static JsonObject Json(Snapshot s) => new()
    {
        ["tick"] = s.Tick,
        ["baselineTick"] = s.BaselineTick,
        ["own"] = new JsonObject
        {
            ["entityId"] = s.Own.EntityId,
            ["lastSequence"] = s.Own.LastSequence,
            ["cooldown1"] = s.Own.Cooldown1,
            ["cooldown2"] = s.Own.Cooldown2,
            ["cooldown3"] = s.Own.Cooldown3,
            ["respawnTicks"] = s.Own.RespawnTicks,
        },
        ["entities"] = new JsonArray([.. s.Entities.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id,
            ["kind"] = (int)e.Kind,
            ["archetype"] = e.Archetype,
            ["x"] = e.Position.X,
            ["y"] = e.Position.Y,
            ["facing"] = e.Facing,
            ["hp"] = e.Hp,
            ["maxHp"] = e.MaxHp,
            ["mana"] = e.Mana,
            ["maxMana"] = e.MaxMana,
            ["activity"] = (int)e.Activity,
            ["activityTicks"] = e.ActivityTicks,
            ["telegraph"] = new JsonObject
            {
                ["shape"] = (int)e.Telegraph.Shape,
                ["x"] = e.Telegraph.Centre.X,
                ["y"] = e.Telegraph.Centre.Y,
                ["radius"] = e.Telegraph.Radius,
                ["angle"] = e.Telegraph.Angle,
                ["width"] = e.Telegraph.Width,
                ["ticksLeft"] = e.Telegraph.TicksLeft,
            },
            ["flags"] = (int)e.Flags,
            ["target"] = e.Target,
        })]),
        ["left"] = new JsonArray([.. s.Left.Select(id => (JsonNode)id)]),
        ["events"] = new JsonArray([.. s.Events.Select(e => (JsonNode)new JsonObject
        {
            ["kind"] = (int)e.Kind,
            ["source"] = e.Source,
            ["target"] = e.Target,
            ["amount"] = e.Amount,
            ["x"] = e.Position.X,
            ["y"] = e.Position.Y,
            ["skill"] = e.Skill,
        })]),
    };
}
