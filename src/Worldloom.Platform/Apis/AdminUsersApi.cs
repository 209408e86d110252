using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Apis;

/// <summary><c>/api/admin/users</c>: list accounts, change role and tier. Admin only.</summary>
public static class AdminUsersApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/users").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPatch("/{id:guid}", PatchAsync);
        return routes;
    }

    /// <summary>Every account, newest first, with any lock in force.</summary>
    public static async Task<Ok<List<UserView>>> ListAsync(LoomDb db, AccountService accounts, LoomClock clock, CancellationToken ct, int limit = 200, int offset = 0)
    {
        limit = Math.Clamp(limit, 1, 1000);
        offset = Math.Max(0, offset);
        var users = await db.Users.AsNoTracking().OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Skip(offset).Take(limit).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var views = new List<UserView>(users.Count);
        foreach (var user in users)
        {
            views.Add(UserView.From(user, await accounts.AccountLockedUntilAsync(user.Email, now, ct)));
        }

        return TypedResults.Ok(views);
    }

    /// <summary>Changes a user's role and/or tier, auditing each change.</summary>
    public static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid id, UserPatch body, ClaimsPrincipal principal, LoomDb db, IAuditChain audit, HttpContext http, CancellationToken ct)
    {
        var v = new Validation();
        if (body.Role is null && body.Tier is null)
        {
            v.Add("role", "role or tier is required.");
        }

        if (body.Role is not null && !Roles.All.Contains(body.Role))
        {
            v.Add("role", $"must be one of {string.Join(", ", Roles.All)}.");
        }

        if (body.Tier is not null && !Tiers.All.Contains(body.Tier))
        {
            v.Add("tier", $"must be one of {string.Join(", ", Tiers.All)}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Problems.Problems.NotFound("user");
        }

        var actor = principal.UserId();
        if (actor == id && body.Role is not null && body.Role != Roles.Admin)
        {
            return Problems.Problems.Field("role", "an admin cannot remove their own admin role.");
        }

        var changes = new List<AuditEvent>();
        if (body.Role is not null && body.Role != user.Role)
        {
            changes.Add(new AuditEvent(actor.ToString(), http.ClientIp(), "user.role", $"user:{id}", new Dictionary<string, string> { ["from"] = user.Role, ["to"] = body.Role }));
            user.Role = body.Role;
        }

        if (body.Tier is not null && body.Tier != user.Tier)
        {
            changes.Add(new AuditEvent(actor.ToString(), http.ClientIp(), "user.tier", $"user:{id}", new Dictionary<string, string> { ["from"] = user.Tier, ["to"] = body.Tier }));
            user.Tier = body.Tier;
        }

        await db.SaveChangesAsync(ct);
        foreach (var change in changes)
        {
            await audit.AppendAsync(change, ct);
        }

        return TypedResults.Ok(UserView.From(user));
    }
}
