namespace Worldloom.Chat.Admin;

/// <summary>One room a user is in, as the admin footprint shows it.</summary>
/// <param name="RoomId">Room.</param>
/// <param name="Name">Its name.</param>
/// <param name="Role">Their role.</param>
/// <param name="JoinedAt">When they joined.</param>
/// <param name="MutedUntil">A mute in force, if any.</param>
public sealed record AdminRoomMembership(Guid RoomId, string Name, string Role, DateTimeOffset JoinedAt, DateTimeOffset? MutedUntil);
