using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Chat.Client.Realtime;

/// <summary>The wire's JSON conventions: camelCase, nulls left out.</summary>
public static class ChatJson
{
    /// <summary>Serializer options for frames and REST bodies.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
