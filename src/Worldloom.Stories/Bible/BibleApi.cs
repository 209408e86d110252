using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Worldloom.Platform.Problems;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Data;
using Worldloom.Stories.Moderation;
using Worldloom.Stories.Render.Storyboard;
using Worldloom.Stories.Scenes;

namespace Worldloom.Stories.Bible;

/// <summary>
/// <c>/api/stories/scenes/{id}/bible</c>: the scene's bible (<c>worldloom-bible/1</c>; its ETag is the version), one
/// correction at a time by the owner, and a portrait of any entity as the storyboard draws it.
/// </summary>
public static class BibleApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapBibleApi(this IEndpointRouteBuilder routes)
    {
        var bible = routes.MapGroup("/api/stories/scenes/{id:guid}/bible").WithTags("Stories").RequireAuthorization();
        bible.MapGet("/", GetAsync);
        bible.MapPut("/", CorrectAsync);
        bible.MapGet("/entities/{entityId}/portrait.png", PortraitAsync);
        return routes;
    }

    /// <summary>The bible document with <c>ETag: "version"</c>.</summary>
    public static async Task<IResult> GetAsync(Guid id, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        s.Http.Response.Headers.ETag = Tag(scene.BibleVersion);
        return TypedResults.Text(scene.BibleJson, "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// Applies one correction, <c>{"edit":{...},"fromSegment":n}</c>, as the owner. <c>fromSegment</c> defaults to the
    /// next segment not yet asked for and may not reach back into segments made, queued or generating (they keep the
    /// bible they were made with). Every string of the edit goes through the prompt filter (422 naming its path).
    /// <c>If-Match</c> with the version read is optional; a stale one is 412. Returns the new bible and its ETag.
    /// </summary>
    public static async Task<IResult> CorrectAsync(Guid id, HttpRequest request, [AsParameters] StoryServices s, PromptFilter filter)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(s);
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        if (scene.OwnerId != s.Viewer.UserId)
        {
            return Problems.Forbidden("only the scene's owner may correct its bible.");
        }

        // The floor is past every segment made or in the making: a queued or generating segment's job has read (or is
        // about to read) the bible, so a correction may not claim to apply to it.
        var next = (await SceneAccess.SegmentsAsync(s.Db, scene, s.Cancellation))
            .Where(g => g.Status == SegmentStatus.Ready || SegmentStatus.InFlight(g.Status)).Select(g => g.Index).DefaultIfEmpty(0).Max() + 1;
        JsonNode? body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, s.Cancellation);
            body = buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            return Problems.Field("body", $"is not JSON: {e.Message}");
        }

        if (body is not JsonObject correction)
        {
            return Problems.Field("body", "must be a JSON object {\"edit\":{...},\"fromSegment\":n}.");
        }

        if (!correction.ContainsKey("fromSegment"))
        {
            correction["fromSegment"] = next;
        }

        var change = BibleJson.ReadCorrection(Encoding.UTF8.GetBytes(correction.ToJsonString()), out var readErrors);
        if (change is null)
        {
            return Problems.Fields(SceneBibles.Errors(readErrors));
        }

        if (StoryRefusals.FilteredCorrection(filter, correction["edit"], "edit") is { } filtered)
        {
            return filtered;
        }

        if (change.FromSegment < next)
        {
            return Problems.Field("fromSegment", $"segments 1 to {next - 1} are made or in the making and keep the bible they were made with; a correction applies from segment {next} or later.");
        }

        if (request.Headers.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Any(t => t == "*" || t == Tag(scene.BibleVersion)))
        {
            return Stale(scene.BibleVersion);
        }

        var corrected = SceneBibles.Read(scene.BibleJson).Correct(change.Edit, change.FromSegment);
        if (corrected.Bible is not { } bible)
        {
            return Problems.Fields(SceneBibles.Errors(corrected.Errors));
        }

        var json = SceneBibles.Write(bible);
        var version = scene.BibleVersion;
        // Compare-and-set on the version: of two corrections from the same version, the second is told to reread.
        var written = await s.Db.Set<StoryScene>().Where(c => c.Id == id && c.BibleVersion == version)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.BibleJson, json).SetProperty(c => c.BibleVersion, bible.Version), s.Cancellation);
        if (written == 0)
        {
            return Stale(version);
        }

        await s.AuditAsync("stories.bible.correct", $"story_scene:{id}", new Dictionary<string, string>
        {
            ["version"] = bible.Version.ToString(CultureInfo.InvariantCulture),
            ["fromSegment"] = change.FromSegment.ToString(CultureInfo.InvariantCulture),
            ["edit"] = change.Edit.GetType().Name,
        });
        s.Http.Response.Headers.ETag = Tag(bible.Version);
        return TypedResults.Text(json, "application/json", Encoding.UTF8);
    }

    /// <summary>A 256×256 PNG of an entity of the latest bible, drawn as the storyboard draws it.</summary>
    public static async Task<IResult> PortraitAsync(Guid id, string entityId, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        var entity = SceneBibles.Read(scene.BibleJson).Latest.Entity(entityId);
        if (entity is null)
        {
            return Problems.NotFound("entity in the scene's bible");
        }

        var png = EntityPortrait.Png(entity, 256, 256);
        return TypedResults.File(png, "image/png", entityTag: new EntityTagHeaderValue($"\"{scene.BibleVersion}-{entityId}\""));
    }

    private static string Tag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static IResult Stale(int version) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed.",
        detail: $"If-Match: the bible changed; it is at version {version}. Read it again and reapply the correction.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["If-Match"] = [$"the bible is at version {version}."] } });
}
