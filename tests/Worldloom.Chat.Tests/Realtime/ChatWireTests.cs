using System.Text;
using System.Text.Json;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Realtime;

namespace Worldloom.Chat.Tests.Realtime;

/// <summary>
/// The frames' bytes are pinned: clients parse them, so a change to how they are serialized must not change them.
/// The expected text was written by the reflection serializer with <c>[JsonPolymorphic]</c> before frames moved to
/// compiled serializers.
/// </summary>
public sealed class ChatWireTests
{
    private static readonly Guid A = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid B = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 14, 5, 6, 789, TimeSpan.Zero);

    private static readonly MessageView View = new(A, B, A, "c-1", "héllo <b>\"x\"</b> 🐉", B, At, true, At, false,
        new Dictionary<string, int> { ["👍"] = 2 }, [new AttachmentView(A, "map.png", 1234, "image/png", 65536, 1, "k")]);

    private static readonly object[] Frames =
    [
        new MessageEvent(View), new EditedEvent(View), new DeletedEvent(A, B), new ReactionEvent(A, B, new Dictionary<string, int> { ["x"] = 1 }),
        new MemberEvent(A, B, "joined"), new RoomEvent(A, 3), new RoomEvent(A, null), new TypingEvent(A, B), new PresenceEvent(A, B, true),
        new ReadEvent(A, B, 4), new ReadyReply("r", A, B, At), new AckReply(null, A, "c-1", B, At, true), new SubscribedReply("r", A, null, [A, B]),
        new UnsubscribedReply("r", A), new PongReply(null), new ErrorReply("rate_limited", "slow down", "r", "body", 250, "c-2"),
    ];

    private static readonly Dictionary<int, string> Expected = new()
    {
        [0] = """{"type":"message","message":{"id":"11111111-2222-3333-4444-555555555555","roomId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","authorId":"11111111-2222-3333-4444-555555555555","clientId":"c-1","body":"h\u00E9llo \u003Cb\u003E\u0022x\u0022\u003C/b\u003E \uD83D\uDC09","replyTo":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","createdAt":"2026-12-07T14:05:06.789+00:00","edited":true,"editedAt":"2026-12-07T14:05:06.789+00:00","deleted":false,"reactions":{"\uD83D\uDC4D":2},"attachments":[{"fileId":"11111111-2222-3333-4444-555555555555","name":"map.png","size":1234,"contentType":"image/png","chunkSize":65536,"chunks":1,"key":"k"}]}}""",
        [1] = """{"type":"edited","message":{"id":"11111111-2222-3333-4444-555555555555","roomId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","authorId":"11111111-2222-3333-4444-555555555555","clientId":"c-1","body":"h\u00E9llo \u003Cb\u003E\u0022x\u0022\u003C/b\u003E \uD83D\uDC09","replyTo":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","createdAt":"2026-12-07T14:05:06.789+00:00","edited":true,"editedAt":"2026-12-07T14:05:06.789+00:00","deleted":false,"reactions":{"\uD83D\uDC4D":2},"attachments":[{"fileId":"11111111-2222-3333-4444-555555555555","name":"map.png","size":1234,"contentType":"image/png","chunkSize":65536,"chunks":1,"key":"k"}]}}""",
        [2] = """{"type":"deleted","roomId":"11111111-2222-3333-4444-555555555555","messageId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}""",
        [3] = """{"type":"reaction","roomId":"11111111-2222-3333-4444-555555555555","messageId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","reactions":{"x":1}}""",
        [4] = """{"type":"member","roomId":"11111111-2222-3333-4444-555555555555","userId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","change":"joined"}""",
        [5] = """{"type":"room","roomId":"11111111-2222-3333-4444-555555555555","keyEpoch":3}""",
        [6] = """{"type":"room","roomId":"11111111-2222-3333-4444-555555555555","keyEpoch":null}""",
        [7] = """{"type":"typing","roomId":"11111111-2222-3333-4444-555555555555","userId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}""",
        [8] = """{"type":"presence","roomId":"11111111-2222-3333-4444-555555555555","userId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","online":true}""",
        [9] = """{"type":"read","roomId":"11111111-2222-3333-4444-555555555555","messageId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","unread":4}""",
        [10] = """{"type":"ready","ref":"r","userId":"11111111-2222-3333-4444-555555555555","connectionId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","expiresAt":"2026-12-07T14:05:06.789+00:00"}""",
        [11] = """{"type":"ack","ref":null,"roomId":"11111111-2222-3333-4444-555555555555","clientId":"c-1","messageId":"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee","createdAt":"2026-12-07T14:05:06.789+00:00","duplicate":true}""",
        [12] = """{"type":"subscribed","ref":"r","roomId":"11111111-2222-3333-4444-555555555555","lastMessageId":null,"online":["11111111-2222-3333-4444-555555555555","aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"]}""",
        [13] = """{"type":"unsubscribed","ref":"r","roomId":"11111111-2222-3333-4444-555555555555"}""",
        [14] = """{"type":"pong","ref":null}""",
        [15] = """{"type":"error","code":"rate_limited","detail":"slow down","ref":"r","field":"body","retryAfterMs":250,"clientId":"c-2"}""",
    };

    public static TheoryData<int> Indexes() => [.. Enumerable.Range(0, Frames.Length)];

    [Theory]
    [MemberData(nameof(Indexes))]
    public void EveryFrame_IsWrittenByteForByteAsBefore(int index)
    {
        var bytes = Frames[index] switch
        {
            ChatEvent e => ChatWire.Serialize(e),
            ChatReply r => ChatWire.Serialize(r),
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
        Assert.Equal(Expected[index], Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void EveryConcreteFrameType_HasACompiledSerializer_AndItsOwnTypeWrittenFirst()
    {
        var frameTypes = typeof(ChatEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(ChatEvent)) || t.IsSubclassOf(typeof(ChatReply))))
            .ToList();
        Assert.Equal(15, frameTypes.Count);
        // Every frame type is covered by the pinned bytes above, so a new one cannot slip in untested.
        Assert.Equal(frameTypes.ToHashSet(), Frames.Select(f => f.GetType()).ToHashSet());

        var discriminators = new HashSet<string>();
        foreach (var frame in Frames)
        {
            Assert.NotNull(ChatWireContext.Default.GetTypeInfo(frame.GetType()));
            var json = Encoding.UTF8.GetString(frame is ChatEvent e ? ChatWire.Serialize(e) : ChatWire.Serialize((ChatReply)frame));
            using var document = JsonDocument.Parse(json);
            var first = document.RootElement.EnumerateObject().First();
            Assert.Equal("type", first.Name);
            discriminators.Add(first.Value.GetString()!);
        }
        Assert.Equal(Frames.Length - 1, discriminators.Count); // the two RoomEvents share "room"
    }
}
