using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Admin;

/// <summary>
/// <c>/api/admin/chat</c>: every room with its size, closing rooms, a user's chat footprint, site-wide chat bans, all open
/// reports and stats. Platform admins only (the same policy as <c>/api/admin/users</c>); every change is audited.
/// </summary>
public static class ChatAdminApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapChatAdminApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin/chat").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/rooms", ListRoomsAsync);
        admin.MapGet("/rooms/{id:guid}", GetRoomAsync);
        admin.MapDelete("/rooms/{id:guid}", CloseRoomAsync);
        admin.MapGet("/users/{id:guid}", GetUserAsync);
        admin.MapPost("/users/{id:guid}/ban", BanUserAsync);
        admin.MapDelete("/users/{id:guid}/ban", UnbanUserAsync);
        admin.MapGet("/reports", ReportsAsync);
        admin.MapGet("/stats", StatsAsync);
        return routes;
    }

    /// <summary>Rooms newest first with member, message and open-report counts; closed ones only with <c>closed=true</c>. <c>limit</c> 1–200 (default 50).</summary>
    public static async Task<IResult> ListRoomsAsync([AsParameters] ModerationServices s, CancellationToken ct, int? limit = null, int? offset = null, bool closed = false)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (limit is < 1 or > ChatRules.MaxPage)
        {
            v.Add("limit", $"must be between 1 and {ChatRules.MaxPage}.");
        }

        if (offset is < 0)
        {
            v.Add("offset", "must not be negative.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var rooms = s.Db.Set<ChatRoom>().AsNoTracking().Where(r => closed || r.ClosedAt == null)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(offset ?? 0).Take(limit ?? ChatRules.DefaultPage);
        return TypedResults.Ok(await ViewsAsync(s, rooms, ct));
    }

    /// <summary>One room, open or closed.</summary>
    public static async Task<IResult> GetRoomAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var views = await ViewsAsync(s, s.Db.Set<ChatRoom>().AsNoTracking().Where(r => r.Id == id), ct);
        return views.Count == 0 ? Problems.NotFound("room") : TypedResults.Ok(views[0]);
    }

    private static async Task<List<AdminRoomView>> ViewsAsync(ModerationServices s, IQueryable<ChatRoom> rooms, CancellationToken ct) =>
        await rooms.Select(r => new AdminRoomView(
                r.Id, r.Name, r.Topic, r.Kind, r.ProjectId, r.OwnerId, r.CreatedAt, r.ClosedAt,
                s.Db.Set<ChatMember>().Count(m => m.RoomId == r.Id),
                s.Db.Set<ChatMessage>().Count(m => m.RoomId == r.Id),
                s.Db.Set<ChatReport>().Count(p => p.RoomId == r.Id && p.ResolvedAt == null)))
            .ToListAsync(ct);

    /// <summary>
    /// Closes a room: it disappears for its members (404), refuses posts and joins, and leaves every list; its rows stay
    /// for the record. 204, also when already closed. Audited as <c>chat.room.close</c>.
    /// </summary>
    public static async Task<IResult> CloseRoomAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!await s.Db.Set<ChatRoom>().AnyAsync(r => r.Id == id, ct))
        {
            return Problems.NotFound("room");
        }

        var now = s.Clock.GetUtcNow();
        var closed = await s.Db.Set<ChatRoom>().Where(r => r.Id == id && r.ClosedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClosedAt, (DateTimeOffset?)now), ct);
        if (closed > 0)
        {
            await s.AuditAsync(s.User.UserId(), "chat.room.close", id, null, null, ct);
            await s.Relay.PublishAsync(id, new RoomEvent(id, null), ct: ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>A user's chat footprint: rooms, message count, bans in force, reports against them.</summary>
    public static async Task<IResult> GetUserAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var user = await s.Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("user");
        }

        var now = s.Clock.GetUtcNow();
        var rooms = await (from m in s.Db.Set<ChatMember>().AsNoTracking()
                           join r in s.Db.Set<ChatRoom>().AsNoTracking() on m.RoomId equals r.Id
                           where m.UserId == id && r.ClosedAt == null
                           orderby m.JoinedAt, r.Id
                           select new { r.Id, r.Name, m.Role, m.JoinedAt, m.MutedUntil }).Take(500).ToListAsync(ct);
        var messages = await s.Db.Set<ChatMessage>().CountAsync(m => m.AuthorId == id, ct);
        var bans = await s.Db.Set<ChatBan>().AsNoTracking().Where(b => b.UserId == id && (b.ExpiresAt == null || b.ExpiresAt > now))
            .OrderByDescending(b => b.CreatedAt).Take(500).ToListAsync(ct);
        var siteBan = await s.Db.Set<ChatSiteBan>().AsNoTracking().FirstOrDefaultAsync(b => b.UserId == id, ct);
        var reports = await s.Db.Set<ChatReport>().CountAsync(r => r.AuthorId == id, ct);
        var open = await ReportsApi.QueueAsync(s.Db, s.Db.Set<ChatReport>().Where(r => r.AuthorId == id), ct);
        return TypedResults.Ok(new AdminUserView(
            id, user.DisplayName,
            rooms.Select(r => new AdminRoomMembership(r.Id, r.Name, r.Role, r.JoinedAt, r.MutedUntil > now ? r.MutedUntil : null)).ToList(),
            messages, bans.Select(BanView.From).ToList(), siteBan is not null && siteBan.AppliesAt(now) ? SiteBanView.From(siteBan) : null, reports, open));
    }

    /// <summary>
    /// Bans a user from chat everywhere (for <c>minutes</c> or for good): they keep reading their rooms but cannot post,
    /// edit, react or join. 201 with the ban; 200 when one was stored (it is replaced). Admins cannot be banned (demote
    /// them first). Audited as <c>chat.user.ban</c>.
    /// </summary>
    public static async Task<IResult> BanUserAsync(Guid id, SiteBanRequest? body, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        var reasonText = body?.Reason?.Trim() ?? "";
        if (reasonText.Length > ModerationRules.MaxReasonLength)
        {
            v.Add("reason", $"must be at most {ModerationRules.MaxReasonLength} characters.");
        }

        if (body?.Minutes is { } m && m is not (>= 1 and <= ModerationRules.MaxBanMinutes))
        {
            v.Add("minutes", $"must be 1 to {ModerationRules.MaxBanMinutes} (one year), or null for a permanent ban.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var user = await s.Db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.NotFound("user");
        }

        if (user.Role == Roles.Admin)
        {
            return Problems.Forbidden("admins cannot be banned from chat; remove the admin role first.");
        }

        var actor = s.User.UserId();
        var now = s.Clock.GetUtcNow();
        var expires = body?.Minutes is { } minutes ? now.AddMinutes(minutes) : (DateTimeOffset?)null;
        ChatSiteBan ban;
        bool created;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await s.Db.Set<ChatSiteBan>().FirstOrDefaultAsync(b => b.UserId == id, ct);
            created = existing is null;
            ban = existing ?? s.Db.Set<ChatSiteBan>().Add(new ChatSiteBan { UserId = id }).Entity;
            ban.BannedBy = actor;
            ban.Reason = reasonText;
            ban.CreatedAt = now;
            ban.ExpiresAt = expires;
            try
            {
                await s.Db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The user key: a concurrent ban inserted first; replace it.
                s.Db.ChangeTracker.Clear();
            }
        }

        var details = new Dictionary<string, string> { ["expiresAt"] = expires?.ToString("O", CultureInfo.InvariantCulture) ?? "never" };
        if (reasonText.Length > 0)
        {
            details["reason"] = reasonText;
        }

        await s.Audit.AppendAsync(new AuditEvent(actor.ToString(), s.Http.ClientIp(), "chat.user.ban", $"user:{id}", details), ct);
        await TellRoomsAsync(s, id, ct);
        var view = SiteBanView.From(ban);
        return created ? TypedResults.Created($"/api/admin/chat/users/{id}", view) : TypedResults.Ok(view);
    }

    /// <summary>Lifts a site-wide chat ban. 204, also when there was none. Audited as <c>chat.user.unban</c> when there was one.</summary>
    public static async Task<IResult> UnbanUserAsync(Guid id, [AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (!await s.Db.Users.AnyAsync(u => u.Id == id, ct))
        {
            return Problems.NotFound("user");
        }

        if (await s.Db.Set<ChatSiteBan>().Where(b => b.UserId == id).ExecuteDeleteAsync(ct) > 0)
        {
            await s.Audit.AppendAsync(new AuditEvent(s.User.UserId().ToString(), s.Http.ClientIp(), "chat.user.unban", $"user:{id}"), ct);
            await TellRoomsAsync(s, id, ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Each room's writer caches what it needs to decide sends; a site ban changes that decision in all of the user's rooms.</summary>
    private static async Task TellRoomsAsync(ModerationServices s, Guid userId, CancellationToken ct)
    {
        var rooms = await s.Db.Set<ChatMember>().AsNoTracking().Where(m => m.UserId == userId).Select(m => m.RoomId).ToListAsync(ct);
        foreach (var room in rooms)
        {
            await s.Relay.MemberChangedAsync(room, userId, ct);
        }
    }

    /// <summary>Every open report of every open room, oldest first (at most 500).</summary>
    public static async Task<IResult> ReportsAsync([AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var reports = from r in s.Db.Set<ChatReport>()
                      join room in s.Db.Set<ChatRoom>() on r.RoomId equals room.Id
                      where room.ClosedAt == null
                      select r;
        return TypedResults.Ok(await ReportsApi.QueueAsync(s.Db, reports, ct));
    }

    /// <summary>Rooms, members, messages (all and last 24 hours), open reports and bans in force.</summary>
    public static async Task<IResult> StatsAsync([AsParameters] ModerationServices s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var now = s.Clock.GetUtcNow();
        var dayAgo = now.AddHours(-24);
        var db = s.Db;
        return TypedResults.Ok(new ChatStats(
            await db.Set<ChatRoom>().CountAsync(r => r.ClosedAt == null, ct),
            await db.Set<ChatRoom>().CountAsync(r => r.ClosedAt != null, ct),
            await db.Set<ChatMember>().CountAsync(m => db.Set<ChatRoom>().Any(r => r.Id == m.RoomId && r.ClosedAt == null), ct),
            await db.Set<ChatMessage>().CountAsync(ct),
            await db.Set<ChatMessage>().CountAsync(m => m.CreatedAt > dayAgo, ct),
            await db.Set<ChatReport>().CountAsync(r => r.ResolvedAt == null, ct),
            await db.Set<ChatBan>().CountAsync(b => b.ExpiresAt == null || b.ExpiresAt > now, ct),
            await db.Set<ChatSiteBan>().CountAsync(b => b.ExpiresAt == null || b.ExpiresAt > now, ct)));
    }
}
