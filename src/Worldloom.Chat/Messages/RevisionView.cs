namespace Worldloom.Chat.Messages;

/// <summary>One earlier body of a message.</summary>
/// <param name="Body">The text it had.</param>
/// <param name="RevisedAt">When an edit replaced it.</param>
public sealed record RevisionView(string Body, DateTimeOffset RevisedAt);
