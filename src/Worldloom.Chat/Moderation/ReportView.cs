namespace Worldloom.Chat.Moderation;

/// <summary>A report as moderators see it, with the reported message's current body.</summary>
/// <param name="Id">Id.</param>
/// <param name="MessageId">The reported message.</param>
/// <param name="RoomId">Its room.</param>
/// <param name="AuthorId">Its author.</param>
/// <param name="ReporterId">Who reported it.</param>
/// <param name="Category">spam, abuse or other.</param>
/// <param name="Reason">The reporter's words.</param>
/// <param name="CreatedAt">When filed.</param>
/// <param name="MessageBody">The message as it is now; null once deleted (its history shows earlier bodies).</param>
/// <param name="ResolvedAt">When resolved; null while open.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
/// <param name="Resolution">The action taken.</param>
public sealed record ReportView(
    Guid Id, Guid MessageId, Guid RoomId, Guid AuthorId, Guid ReporterId, string Category, string Reason, DateTimeOffset CreatedAt, string? MessageBody,
    DateTimeOffset? ResolvedAt, Guid? ResolvedBy, string? Resolution)
{
    /// <summary>Builds the view.</summary>
    public static ReportView From(ChatReport r, string? messageBody)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.MessageId, r.RoomId, r.AuthorId, r.ReporterId, r.Category, r.Reason, r.CreatedAt, messageBody, r.ResolvedAt, r.ResolvedBy, r.Resolution);
    }
}
