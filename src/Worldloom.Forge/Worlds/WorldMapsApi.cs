using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// Pictures of worlds: <c>map.png</c> per layer (optionally scaled down), 256-pixel tiles for big worlds, and the live
/// editor's preview, which regenerates a small world per request without storing it or spending quota.
/// </summary>
public static class WorldMapsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWorldMapsApi(this IEndpointRouteBuilder routes)
    {
        var worlds = routes.MapGroup("/api/worlds/{id:guid}").WithTags("Forge").RequireAuthorization();
        worlds.MapGet("/map.png", MapAsync);
        worlds.MapGet("/tiles/{layer}/{z:int}/{x:int}/{y:int}.png", TileAsync);
        routes.MapPost("/api/forge/preview", Preview).WithTags("Forge").RequireAuthorization();
        return routes;
    }

    /// <summary>One layer of the head (or of <c>snapshot</c>) as a PNG, at most <c>maxSide</c> pixels on its longer side.</summary>
    public static async Task<IResult> MapAsync(Guid id, ClaimsPrincipal user, LoomDb db, WorldStore store, CancellationToken ct, string? layer = null, int? maxSide = null, int? snapshot = null)
    {
        var v = new Validation();
        var mapLayer = WorldCodec.ParseLayer(v, "layer", layer);
        if (maxSide is < 16 or > 4096)
        {
            v.Add("maxSide", "must be between 16 and 4096.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (hash, problem) = await WorldHistory.ResolveHashAsync(db, id, user, snapshot, ct);
        if (problem is not null)
        {
            return problem;
        }

        var loaded = await store.LoadAsync(hash!, ct);
        if (loaded is null)
        {
            return Problems.NotFound("world document");
        }

        var png = store.GetOrRender(string.Create(CultureInfo.InvariantCulture, $"{hash}/{layer}/{maxSide}"), () => WorldCodec.RenderPng(loaded.World, mapLayer, maxSide));
        return Png(png, hash!);
    }

    /// <summary>A 256×256 tile: zoom 0 fits the whole world in one tile and each zoom doubles.</summary>
    public static async Task<IResult> TileAsync(Guid id, string layer, int z, int x, int y, ClaimsPrincipal user, LoomDb db, WorldStore store, CancellationToken ct, int? snapshot = null)
    {
        var v = new Validation();
        var mapLayer = WorldCodec.ParseLayer(v, "layer", layer);
        if (z is < 0 or > 8)
        {
            v.Add("z", "must be between 0 and 8.");
        }
        else if (x < 0 || y < 0 || x >= 1 << z || y >= 1 << z)
        {
            v.Add(x < 0 || x >= 1 << z ? "x" : "y", $"must be between 0 and {(1 << z) - 1} at zoom {z}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (hash, problem) = await WorldHistory.ResolveHashAsync(db, id, user, snapshot, ct);
        if (problem is not null)
        {
            return problem;
        }

        var loaded = await store.LoadAsync(hash!, ct);
        if (loaded is null)
        {
            return Problems.NotFound("world document");
        }

        var maxZoom = WorldCodec.MaxZoom(loaded.World);
        if (z > maxZoom)
        {
            return Problems.Field("z", $"this world's deepest zoom is {maxZoom}.");
        }

        var png = store.GetOrRender(string.Create(CultureInfo.InvariantCulture, $"{hash}/{layer}/t{z}/{x}/{y}"), () => WorldCodec.RenderTilePng(loaded.World, mapLayer, z, x, y));
        return Png(png, hash!);
    }

    /// <summary>
    /// Regenerates a world of at most 256² cells and answers its picture, with the server time in
    /// <c>Server-Timing</c>. Not stored, no quota: the live editor calls it as sliders move.
    /// </summary>
    public static IResult Preview(PreviewRequest body, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(http);
        var v = new Validation();
        var seed = WorldParametersBody.ParseSeed(v, "seed", body.Seed);
        var parameters = body.ToParameters(v);
        var layer = WorldCodec.ParseLayer(v, "layer", body.Layer);
        if (parameters.Width > WorldRules.MaxPreviewSide || parameters.Height > WorldRules.MaxPreviewSide)
        {
            v.Add(body.Size is null ? "width" : "size", $"previews are at most {WorldRules.MaxPreviewSide} cells per side.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var started = Stopwatch.GetTimestamp();
        var world = WorldBuild.Generate(seed!, parameters, null, Array.Empty<WorldOverride>(), null, ct);
        var png = WorldCodec.RenderPng(world, layer, null);
        var elapsed = Stopwatch.GetElapsedTime(started);
        http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"forge;dur={elapsed.TotalMilliseconds:0.0}");
        return Results.File(png, "image/png");
    }

    private static IResult Png(byte[] png, string hash) =>
        Results.File(png, "image/png", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{hash}\""));
}
