using Worldloom.Chat.Moderation;

namespace Worldloom.Chat.Admin;

/// <summary>A site-wide chat ban.</summary>
/// <param name="UserId">The banned user.</param>
/// <param name="BannedBy">The admin.</param>
/// <param name="Reason">Why (may be empty).</param>
/// <param name="CreatedAt">When.</param>
/// <param name="ExpiresAt">When it ends; null for permanent.</param>
public sealed record SiteBanView(Guid UserId, Guid BannedBy, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Builds the view.</summary>
    public static SiteBanView From(ChatSiteBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        return new(ban.UserId, ban.BannedBy, ban.Reason, ban.CreatedAt, ban.ExpiresAt);
    }
}
