namespace Worldloom.Chat.Invites;

/// <summary>Body of <c>POST /api/chat/invites</c>.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="MaxUses">1–1,000.</param>
/// <param name="ExpiresInMinutes">1–43,200 (30 days).</param>
public sealed record InviteCreate(Guid? RoomId, int? MaxUses, int? ExpiresInMinutes);
