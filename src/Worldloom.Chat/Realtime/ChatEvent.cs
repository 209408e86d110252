using System.Text.Json.Serialization;
using Worldloom.Chat.Messages;

namespace Worldloom.Chat.Realtime;

/// <summary>A server event of the real-time protocol.</summary>
/// <param name="Type">Its <c>type</c> on the wire, written first.</param>
public abstract record ChatEvent([property: JsonPropertyOrder(-1)] string Type);

/// <summary>A new message.</summary>
/// <param name="Message">The message as REST shows it.</param>
public sealed record MessageEvent(MessageView Message) : ChatEvent("message");

/// <summary>A message was edited.</summary>
/// <param name="Message">The message as it is now.</param>
public sealed record EditedEvent(MessageView Message) : ChatEvent("edited");

/// <summary>A message became a tombstone.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="MessageId">Message.</param>
public sealed record DeletedEvent(Guid RoomId, Guid MessageId) : ChatEvent("deleted");

/// <summary>A message's reactions changed.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="MessageId">Message.</param>
/// <param name="Reactions">Count of each emoji now.</param>
public sealed record ReactionEvent(Guid RoomId, Guid MessageId, IReadOnlyDictionary<string, int> Reactions) : ChatEvent("reaction");

/// <summary>A membership changed.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="UserId">Whose membership.</param>
/// <param name="Change">One of <see cref="MemberChanges"/>.</param>
public sealed record MemberEvent(Guid RoomId, Guid UserId, string Change) : ChatEvent("member");

/// <summary>The room itself changed (name, topic, or for an encrypted room its key epoch).</summary>
/// <param name="RoomId">Room.</param>
/// <param name="KeyEpoch">The current key epoch of an encrypted room; null otherwise.</param>
public sealed record RoomEvent(Guid RoomId, int? KeyEpoch) : ChatEvent("room");
