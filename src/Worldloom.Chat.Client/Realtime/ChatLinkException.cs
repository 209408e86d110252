using System.Text.Json;

namespace Worldloom.Chat.Client.Realtime;

/// <summary>The server refused a frame with an <c>error</c> (<c>docs/chat-protocol.md</c>, "Errors").</summary>
public sealed class ChatLinkException : Exception
{
    /// <summary>Wraps an error frame.</summary>
    public ChatLinkException(JsonElement error)
        : base(Read(error, "code") + ": " + Read(error, "detail"))
    {
        Code = Read(error, "code") ?? "internal";
        Frame = error;
    }

    /// <summary>The protocol's error code.</summary>
    public string Code { get; }

    /// <summary>The whole error frame.</summary>
    public JsonElement Frame { get; }

    private static string? Read(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
