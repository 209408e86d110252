using System.Text.Json;

namespace Worldloom.Chat.Realtime;

/// <summary>How frames are written: web JSON (camelCase, nulls written as null like REST), serialized once per event.</summary>
public static class ChatWire
{
    /// <summary>The options every frame is written with (frames use <see cref="ChatWireContext"/>'s compiled form of them).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>An event's frame.</summary>
    public static byte[] Serialize(ChatEvent chatEvent) => Write(chatEvent);

    /// <summary>A reply's frame.</summary>
    public static byte[] Serialize(ChatReply reply) => Write(reply);

    private static byte[] Write(object frame) =>
        JsonSerializer.SerializeToUtf8Bytes(frame, frame.GetType(), ChatWireContext.Default);
}
