namespace Worldloom.Chat.Direct;

/// <summary>Body of <c>POST /api/chat/dms</c>.</summary>
/// <param name="UserId">Who to talk to: another existing user.</param>
public sealed record DirectOpen(Guid? UserId);
