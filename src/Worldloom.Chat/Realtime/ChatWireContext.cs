using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Compile-time serializers for every frame the server writes. Each frame is written through its own type's
/// generated fast path (straight to the writer, no reflection and no per-call stack of frames), which is why the
/// <c>type</c> discriminator is a property of the frame and not a polymorphism attribute: a polymorphic root falls
/// back to the slower metadata path. Every concrete <see cref="ChatEvent"/> and <see cref="ChatReply"/> must be listed.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(MessageEvent))]
[JsonSerializable(typeof(EditedEvent))]
[JsonSerializable(typeof(DeletedEvent))]
[JsonSerializable(typeof(ReactionEvent))]
[JsonSerializable(typeof(MemberEvent))]
[JsonSerializable(typeof(RoomEvent))]
[JsonSerializable(typeof(TypingEvent))]
[JsonSerializable(typeof(PresenceEvent))]
[JsonSerializable(typeof(ReadEvent))]
[JsonSerializable(typeof(ReadyReply))]
[JsonSerializable(typeof(AckReply))]
[JsonSerializable(typeof(SubscribedReply))]
[JsonSerializable(typeof(UnsubscribedReply))]
[JsonSerializable(typeof(PongReply))]
[JsonSerializable(typeof(ErrorReply))]
internal sealed partial class ChatWireContext : JsonSerializerContext;
