using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.People;

/// <summary>
/// <c>GET /api/chat/users</c>: display names for the ids a client shows (<c>?ids=</c>), and finding someone by name to
/// open a direct conversation with (<c>?q=</c>). Names only, never emails: an instance's users are its workspace, and a
/// name is what they already show each other in rooms.
/// </summary>
public static class PeopleApi
{
    /// <summary>Most ids per lookup.</summary>
    public const int MaxIds = 100;

    /// <summary>Most users a name search answers.</summary>
    public const int MaxMatches = 20;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/chat/users", FindAsync).WithTags("Chat").RequireAuthorization();
        return routes;
    }

    /// <summary>
    /// With <c>ids</c> (comma-separated, 1–100): those users' names, unknown ids left out. With <c>q</c> (2–64
    /// characters): up to 20 users whose name contains it, ignoring case, by name. Exactly one of the two.
    /// </summary>
    public static async Task<IResult> FindAsync(LoomDb db, CancellationToken ct, string? ids = null, string? q = null)
    {
        if ((ids is null) == (q is null))
        {
            return Problems.Field(ids is null ? "ids" : "q", "give either ids (comma-separated user ids) or q (part of a name), not both.");
        }

        if (ids is not null)
        {
            var parsed = new HashSet<Guid>();
            foreach (var part in ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Guid.TryParse(part, out var id))
                {
                    return Problems.Field("ids", $"\"{(part.Length > 40 ? part[..40] + "…" : part)}\" is not a user id.");
                }

                parsed.Add(id);
            }

            if (parsed.Count is 0 or > MaxIds)
            {
                return Problems.Field("ids", $"give 1 to {MaxIds} user ids, comma-separated.");
            }

            var named = await db.Users.AsNoTracking().Where(u => parsed.Contains(u.Id)).Select(u => new ChatPersonView(u.Id, u.DisplayName)).ToListAsync(ct);
            return TypedResults.Ok(named);
        }

        var text = q!.Trim();
        if (text.Length is < 2 or > 64)
        {
            return Problems.Field("q", "must be 2 to 64 characters of a name.");
        }

        var lowered = text.ToLowerInvariant();
        var matches = await db.Users.AsNoTracking()
            .Where(u => u.DisplayName.ToLower().Contains(lowered))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Take(MaxMatches)
            .Select(u => new ChatPersonView(u.Id, u.DisplayName))
            .ToListAsync(ct);
        return TypedResults.Ok(matches);
    }
}
