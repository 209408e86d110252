namespace Worldloom.Chat.Moderation;

/// <summary>A member of a room as its members see them.</summary>
/// <param name="UserId">The user.</param>
/// <param name="DisplayName">Their display name.</param>
/// <param name="Role">owner, moderator or member.</param>
/// <param name="JoinedAt">When they joined.</param>
/// <param name="MutedUntil">The end of a mute in force; null when not muted (an expired mute shows as null).</param>
public sealed record MemberView(Guid UserId, string DisplayName, string Role, DateTimeOffset JoinedAt, DateTimeOffset? MutedUntil);
