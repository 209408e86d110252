namespace Worldloom.Chat.Realtime;

/// <summary>What became of a subscription.</summary>
/// <param name="Error">Null when subscribed; otherwise <c>not_found</c> or <c>not_member</c>.</param>
/// <param name="Online">The members with a connection subscribed to the room now.</param>
[GenerateSerializer]
[Immutable]
public sealed record SubscribeOutcome([property: Id(0)] string? Error, [property: Id(1)] Guid[] Online);
