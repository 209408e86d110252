namespace Worldloom.Chat.Realtime;

/// <summary>
/// One server event for a room, serialized once by the room grain and sent as-is to every subscriber.
/// </summary>
/// <param name="Json">The UTF-8 JSON text of the frame.</param>
/// <param name="MessageId">For a <c>message</c> event, its id: a connection stitching backlog to live skips what it sent already.</param>
/// <param name="OnlyUser">Deliver only to this user's connections (their read marker).</param>
/// <param name="ExceptUser">Deliver to everyone but this user (their own typing).</param>
[GenerateSerializer]
[Immutable]
public sealed record RoomFrame(
    [property: Id(0)] byte[] Json, [property: Id(1)] Guid? MessageId = null, [property: Id(2)] Guid? OnlyUser = null, [property: Id(3)] Guid? ExceptUser = null);
