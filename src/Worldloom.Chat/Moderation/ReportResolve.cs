namespace Worldloom.Chat.Moderation;

/// <summary>Body of <c>POST /api/chat/reports/{id}/resolve</c>.</summary>
/// <param name="Action"><c>dismiss</c>, <c>delete</c>, <c>kick</c>, <c>ban</c> or <c>mute</c>.</param>
/// <param name="Minutes">For <c>mute</c> (required, 1 minute to 30 days) and <c>ban</c> (optional; null is permanent).</param>
/// <param name="Reason">Up to 500 characters, recorded with a kick or ban.</param>
public sealed record ReportResolve(string? Action, int? Minutes, string? Reason);
