using System.Text.Json.Serialization;

namespace Worldloom.Chat.Realtime;

/// <summary>A server frame answering a client frame; <c>ref</c> echoes the client's.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ReadyReply), "ready")]
[JsonDerivedType(typeof(AckReply), "ack")]
[JsonDerivedType(typeof(SubscribedReply), "subscribed")]
[JsonDerivedType(typeof(UnsubscribedReply), "unsubscribed")]
[JsonDerivedType(typeof(PongReply), "pong")]
[JsonDerivedType(typeof(ErrorReply), "error")]
public abstract record ChatReply;
