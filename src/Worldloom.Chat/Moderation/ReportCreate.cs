namespace Worldloom.Chat.Moderation;

/// <summary>Body of <c>POST /api/chat/messages/{id}/reports</c>.</summary>
/// <param name="Reason">1–500 characters.</param>
/// <param name="Category"><c>spam</c>, <c>abuse</c> or <c>other</c>.</param>
public sealed record ReportCreate(string? Reason, string? Category);
