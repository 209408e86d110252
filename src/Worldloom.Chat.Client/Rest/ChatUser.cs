namespace Worldloom.Chat.Client.Rest;

/// <summary>A user as <c>GET /api/chat/users</c> shows them.</summary>
/// <param name="Id">User id.</param>
/// <param name="DisplayName">Display name.</param>
public sealed record ChatUser(Guid Id, string DisplayName);
