using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Apis;

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Items">Entries.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next page, or null at the start of the chain.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextBefore);

/// <summary><c>/api/admin/audit</c>: read and verify the chain. Admin only.</summary>
public static class AuditApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/audit").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/verify", async (IAuditChain chain, CancellationToken ct) => TypedResults.Ok(await chain.VerifyAsync(ct)));
        return routes;
    }

    /// <summary>Entries with <c>seq &lt; before</c>, newest first.</summary>
    public static async Task<Ok<AuditPage>> ListAsync(LoomDb db, CancellationToken ct, long? before = null, int limit = 50)
    {
        limit = Math.Clamp(limit, 1, 500);
        var query = db.AuditEntries.AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(a => a.Seq < b);
        }

        var items = await query.OrderByDescending(a => a.Seq).Take(limit).ToListAsync(ct);
        var next = items.Count == limit && items[^1].Seq > 1 ? items[^1].Seq : (long?)null;
        return TypedResults.Ok(new AuditPage(items, next));
    }
}
