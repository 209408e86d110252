namespace Worldloom.Chat.Messages;

/// <summary>A message as the API shows it.</summary>
/// <param name="Id">Id (ordered).</param>
/// <param name="RoomId">Room.</param>
/// <param name="AuthorId">Author.</param>
/// <param name="ClientId">The author's idempotency key.</param>
/// <param name="Body">Text; null once deleted.</param>
/// <param name="ReplyTo">The message it answers, if any.</param>
/// <param name="CreatedAt">Posted.</param>
/// <param name="Edited">Whether it was ever edited.</param>
/// <param name="EditedAt">Last edit.</param>
/// <param name="Deleted">Whether it is a tombstone.</param>
/// <param name="Reactions">Count of each emoji.</param>
/// <param name="Attachments">The files it carries; none once deleted.</param>
public sealed record MessageView(
    Guid Id, Guid RoomId, Guid AuthorId, string ClientId, string? Body, Guid? ReplyTo, DateTimeOffset CreatedAt, bool Edited, DateTimeOffset? EditedAt, bool Deleted,
    IReadOnlyDictionary<string, int> Reactions, IReadOnlyList<AttachmentView> Attachments)
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    /// <summary>Builds the view.</summary>
    public static MessageView From(ChatMessage m, IReadOnlyDictionary<string, int>? reactions = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        var deleted = m.DeletedAt is not null;
        return new(m.Id, m.RoomId, m.AuthorId, m.ClientId, deleted ? null : m.Body, m.ReplyToId, m.CreatedAt, m.EditedAt is not null, m.EditedAt, deleted, deleted ? None : reactions ?? None,
            deleted ? [] : MessageAttachments.FromJson(m.Attachments));
    }
}
