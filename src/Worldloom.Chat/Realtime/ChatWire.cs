using System.Text.Json;

namespace Worldloom.Chat.Realtime;

/// <summary>How frames are written: web JSON (camelCase, nulls written as null like REST), serialized once per event.</summary>
public static class ChatWire
{
    /// <summary>The options every frame is written with.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>An event's frame.</summary>
    public static byte[] Serialize(ChatEvent chatEvent) => JsonSerializer.SerializeToUtf8Bytes(chatEvent, Options);

    /// <summary>A reply's frame.</summary>
    public static byte[] Serialize(ChatReply reply) => JsonSerializer.SerializeToUtf8Bytes(reply, Options);
}
