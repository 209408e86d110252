using System.Text.Json.Serialization;

namespace Worldloom.Chat.Realtime;

/// <summary>A server frame answering a client frame; <c>ref</c> echoes the client's.</summary>
/// <param name="Type">Its <c>type</c> on the wire, written first.</param>
public abstract record ChatReply([property: JsonPropertyOrder(-1)] string Type);
