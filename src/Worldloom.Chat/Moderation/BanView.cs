namespace Worldloom.Chat.Moderation;

/// <summary>A room ban in force.</summary>
/// <param name="RoomId">The room.</param>
/// <param name="UserId">The banned user.</param>
/// <param name="BannedBy">Who banned them.</param>
/// <param name="Reason">Why (may be empty).</param>
/// <param name="CreatedAt">When.</param>
/// <param name="ExpiresAt">When it ends; null for permanent.</param>
public sealed record BanView(Guid RoomId, Guid UserId, Guid BannedBy, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Builds the view.</summary>
    public static BanView From(ChatBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        return new(ban.RoomId, ban.UserId, ban.BannedBy, ban.Reason, ban.CreatedAt, ban.ExpiresAt);
    }
}
