using Worldloom.Chat.Moderation;

namespace Worldloom.Chat.Admin;

/// <summary>A user's chat footprint.</summary>
/// <param name="UserId">The user.</param>
/// <param name="DisplayName">Their display name.</param>
/// <param name="Rooms">Open rooms they are in (at most 500).</param>
/// <param name="Messages">Messages they have posted, tombstones included.</param>
/// <param name="Bans">Room bans in force against them.</param>
/// <param name="SiteBan">A site-wide chat ban in force, if any.</param>
/// <param name="ReportsAgainst">Reports ever filed against their messages.</param>
/// <param name="OpenReports">The open ones, oldest first.</param>
public sealed record AdminUserView(
    Guid UserId, string DisplayName, IReadOnlyList<AdminRoomMembership> Rooms, int Messages, IReadOnlyList<BanView> Bans, SiteBanView? SiteBan, int ReportsAgainst,
    IReadOnlyList<ReportView> OpenReports);
