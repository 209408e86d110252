namespace Worldloom.Chat.Admin;

/// <summary>Body of <c>POST /api/admin/chat/users/{id}/ban</c> (optional: no body is a permanent ban without a reason).</summary>
/// <param name="Reason">Up to 500 characters.</param>
/// <param name="Minutes">1 minute to one year; null for a permanent ban.</param>
public sealed record SiteBanRequest(string? Reason, int? Minutes);
