using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Core.Zones;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Realms;

/// <summary><c>/api/realms</c>: creating realms on Forge worlds, reading them, and drawing their zones.</summary>
public static class RealmsApi
{
    /// <summary>Most realms one list returns.</summary>
    private const int ListCap = 200;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRealmsApi(this IEndpointRouteBuilder routes)
    {
        var realms = routes.MapGroup("/api/realms").WithTags("Realms").RequireAuthorization();
        realms.MapPost("/", CreateAsync);
        realms.MapGet("/", ListAsync);
        realms.MapGet("/{id:guid}", GetAsync);
        realms.MapGet("/{id:guid}/zones/{x:int}/{y:int}/map", MapAsync);
        return routes;
    }

    /// <summary>Creates a realm on a generated world the caller may see, pinned to the world's current snapshot. 201.</summary>
    public static async Task<IResult> CreateAsync(
        RealmCreate body, ClaimsPrincipal user, LoomDb db, IWorldCatalog catalog, ZoneMaps maps, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var name = v.Text("name", body.Name, RealmLimits.MaxRealmNameLength);
        if (body.Preset is null || !RealmPresets.All.Contains(body.Preset))
        {
            v.Add("preset", $"must be one of {string.Join(", ", RealmPresets.All)}.");
        }

        if (body.Visibility is not null && !RealmVisibility.All.Contains(body.Visibility))
        {
            v.Add("visibility", $"must be one of {string.Join(", ", RealmVisibility.All)}.");
        }

        if (body.WorldId is not { } worldId || worldId == Guid.Empty)
        {
            v.Add("worldId", "is required: the id of a generated world.");
            return v.Problem();
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        if (await catalog.FindWorldAsync(worldId, user, ct) is not { } world)
        {
            return Problems.NotFound("world");
        }

        if (!world.IsGenerated)
        {
            return Problems.Field("worldId", $"the world is {world.Status}; a realm needs a generated world.");
        }

        if (await maps.WorldAsync(world.Id, world.Hash!, ct) is not { } content)
        {
            return Problems.Field("worldId", "the world's generated content is missing; generate it again.");
        }

        var userId = user.UserId();
        if (await db.Set<Realm>().CountAsync(r => r.OwnerId == userId, ct) >= RealmLimits.MaxRealmsPerUser)
        {
            return Problems.Conflict("realms", $"you own {RealmLimits.MaxRealmsPerUser} realms, the most allowed.");
        }

        var (columns, rows) = ZoneCut.Grid(content.Width, content.Height);
        var now = clock.GetUtcNow();
        var realm = new Realm
        {
            Id = Guid.CreateVersion7(now), OwnerId = userId, ProjectId = world.ProjectId, WorldId = world.Id, WorldHash = world.Hash!, Name = name,
            Preset = body.Preset!, Visibility = body.Visibility ?? RealmVisibility.DefaultFor(body.Preset!), Columns = columns, Rows = rows, CreatedAt = now,
        };
        db.Set<Realm>().Add(realm);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "realms.realm.create", $"realm:{realm.Id}",
            new Dictionary<string, string> { ["world"] = world.Id.ToString(), ["preset"] = realm.Preset, ["visibility"] = realm.Visibility }), ct);
        return TypedResults.Created($"/api/realms/{realm.Id}", RealmView.From(realm, userId));
    }

    /// <summary>
    /// The caller's realms and everybody's public ones (each marked <c>mine</c> or not), newest first, at most 200.
    /// </summary>
    public static async Task<IResult> ListAsync(ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var userId = user.UserId();
        var realms = await db.Set<Realm>().AsNoTracking().Where(r => r.OwnerId == userId || r.Visibility == RealmVisibility.Public)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(ListCap).ToListAsync(ct);
        return TypedResults.Ok(realms.Select(r => RealmView.From(r, userId)).ToList());
    }

    /// <summary>One realm (the caller's, a public one, or any for an admin) with its zones: their size, exits, player spawns and how many characters are in each.</summary>
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, ZoneMaps maps, CancellationToken ct)
    {
        if (await RealmAccess.FindAsync(db, id, user, ct) is not { } realm)
        {
            return Problems.NotFound("realm");
        }

        var players = await db.Set<RealmCharacter>().AsNoTracking().Where(c => c.RealmId == id)
            .GroupBy(c => new { c.ZoneX, c.ZoneY }).Select(g => new { g.Key.ZoneX, g.Key.ZoneY, Count = g.Count() }).ToListAsync(ct);
        var zones = new List<ZoneView>(realm.Columns * realm.Rows);
        for (var y = 0; y < realm.Rows; y++)
        {
            for (var x = 0; x < realm.Columns; x++)
            {
                if (await maps.CutAsync(realm, new ZoneKey(x, y), ct) is not { } map)
                {
                    return WorldGone();
                }

                var here = players.FirstOrDefault(p => p.ZoneX == x && p.ZoneY == y)?.Count ?? 0;
                zones.Add(new ZoneView(x, y, map.Width, map.Height, ExitView.From(map.Exits), map.Spawns.Count(s => s.ForPlayers), here));
            }
        }

        return TypedResults.Ok(RealmView.From(realm, user.UserId(), zones));
    }

    /// <summary>
    /// A zone for drawing (<see cref="ZoneDrawing"/>). The same bytes for as long as the realm lives, so it carries an
    /// ETag and answers 304 to a client that has it.
    /// </summary>
    public static async Task<IResult> MapAsync(Guid id, int x, int y, ClaimsPrincipal user, LoomDb db, ZoneMaps maps, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (await RealmAccess.FindAsync(db, id, user, ct) is not { } realm)
        {
            return Problems.NotFound("realm");
        }

        if (ZoneOutside(realm, x, y) is { } outside)
        {
            return outside;
        }

        var etag = $"\"{realm.WorldHash[..16]}-{x}-{y}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, max-age=86400";
        if (http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await maps.DrawingAsync(realm, new ZoneKey(x, y), ct) is { } json ? TypedResults.Bytes(json, "application/json") : WorldGone();
    }

    /// <summary>A problem naming the coordinate that lies outside the realm's grid, or null.</summary>
    internal static IResult? ZoneOutside(Realm realm, int x, int y)
    {
        if ((uint)x >= (uint)realm.Columns)
        {
            return Problems.Field("x", $"must be from 0 to {realm.Columns - 1}: the realm has {realm.Columns} × {realm.Rows} zones.");
        }

        return (uint)y >= (uint)realm.Rows
            ? Problems.Field("y", $"must be from 0 to {realm.Rows - 1}: the realm has {realm.Columns} × {realm.Rows} zones.")
            : null;
    }

    private static IResult WorldGone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: "worldId: the realm's world snapshot is gone.");
}
