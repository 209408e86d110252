using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Problems;
using Worldloom.Stories.Bible;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Worlds;
using Worldloom.Stories.Data;
using Worldloom.Stories.Moderation;
using Worldloom.Stories.Segments;

namespace Worldloom.Stories.Scenes;

/// <summary>
/// <c>/api/stories/scenes</c>: starting a scene (its first segment is a job and one unit of the weekly generation
/// quota), continuing it, listing, reading and deleting scenes.
/// </summary>
public static class ScenesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapScenesApi(this IEndpointRouteBuilder routes)
    {
        var scenes = routes.MapGroup("/api/stories/scenes").WithTags("Stories").RequireAuthorization();
        scenes.MapPost("/", CreateAsync);
        scenes.MapGet("/", ListAsync);
        scenes.MapGet("/{id:guid}", GetAsync);
        scenes.MapPost("/{id:guid}/segments", ContinueAsync);
        scenes.MapDelete("/{id:guid}", DeleteAsync);
        return routes;
    }

    /// <summary>Starts a scene: 202 with the scene, its first segment and the segment's job.</summary>
    public static async Task<IResult> CreateAsync(SceneCreate body, [AsParameters] StoryServices s, [AsParameters] SceneWrite w)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(w);
        var v = new Validation();
        if (body is null)
        {
            return v.Add("body", "is required.").Problem();
        }

        var title = v.Text("title", body.Title, StoryLimits.MaxTitle);
        var prompt = v.Text("prompt", body.Prompt, StoryLimits.MaxPrompt);
        var logline = body.Logline?.Trim() ?? "";
        if (logline.Length > StoryLimits.MaxLogline)
        {
            v.Add("logline", $"must be at most {StoryLimits.MaxLogline} characters.");
        }

        var visibility = body.Visibility ?? SceneVisibility.Public;
        if (!SceneVisibility.All.Contains(visibility))
        {
            v.Add("visibility", $"must be one of {string.Join(", ", SceneVisibility.All)}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (db, ct) = (s.Db, s.Cancellation);
        var userId = s.Viewer.UserId;
        if (await StoryRefusals.BannedAsync(db, userId, ct) is { } banned)
        {
            return banned;
        }

        if (StoryRefusals.Filtered(w.Filter, ("prompt", prompt), ("title", title), ("logline", logline)) is { } filtered)
        {
            return filtered;
        }

        StoryTopic? topic = null;
        if (body.TopicId is { } topicId && (topic = await db.Set<StoryTopic>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == topicId, ct)) is null)
        {
            return Problems.Field("topicId", "no topic with that id.");
        }

        var (bible, problem) = await StartingBibleAsync(body.WorldId, topic, s, w);
        if (problem is not null)
        {
            return problem;
        }

        if (await GenerationQuota.SpendAsync(db, w.Quota, s.Clock, s.Http, userId, ct) is { } refused)
        {
            return refused;
        }

        var now = s.Clock.GetUtcNow();
        var scene = new StoryScene
        {
            Id = Guid.CreateVersion7(now), Title = title, Logline = logline, TopicId = topic?.Id, WorldId = body.WorldId, Visibility = visibility, OwnerId = userId,
            Seed = RandomNumberGenerator.GetInt32(int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue),
            BibleJson = SceneBibles.Write(bible!), BibleVersion = bible!.Version, CreatedAt = now,
        };
        scene.RootSceneId = scene.Id;
        var segment = NewSegment(scene.Id, 1, prompt, userId, now);
        scene.GeneratingSegmentId = segment.Id;
        db.Set<StoryScene>().Add(scene);
        db.Set<StorySegment>().Add(segment);
        await db.SaveChangesAsync(ct);
        var job = await SegmentStarter.QueueAsync(db, w.Jobs, segment, ct);
        await s.AuditAsync("stories.scene.create", $"story_scene:{scene.Id}", new Dictionary<string, string>
        {
            ["segment"] = segment.Id.ToString(), ["visibility"] = visibility, ["world"] = body.WorldId?.ToString() ?? "", ["topic"] = topic?.Slug ?? "",
        });
        return TypedResults.Accepted($"/api/stories/scenes/{scene.Id}", new SegmentStarted(scene.Id, segment.Id, job.Id));
    }

    /// <summary>
    /// Asks for the next segment of a scene the caller can see: 202 with the segment and its job; 409 while another
    /// segment of the scene is queued or generating.
    /// </summary>
    public static async Task<IResult> ContinueAsync(Guid id, SegmentCreate body, [AsParameters] StoryServices s, [AsParameters] SceneWrite w)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(w);
        var v = new Validation();
        var prompt = v.Text("prompt", body?.Prompt, StoryLimits.MaxPrompt);
        if (v.Failed)
        {
            return v.Problem();
        }

        var (db, ct) = (s.Db, s.Cancellation);
        var scene = await SceneAccess.FindAsync(db, id, s.Viewer, ct);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        if (scene.Status == SceneStatus.Removed)
        {
            return Problems.Conflict("id", "a moderator removed this scene; it cannot be continued.");
        }

        var userId = s.Viewer.UserId;
        if (await StoryRefusals.BannedAsync(db, userId, ct) is { } banned)
        {
            return banned;
        }

        if (StoryRefusals.Filtered(w.Filter, prompt) is { } filtered)
        {
            return filtered;
        }

        var now = s.Clock.GetUtcNow();
        var segmentId = Guid.CreateVersion7(now);
        if (!await SegmentClaim.TryClaimAsync(db, id, segmentId, now, ct))
        {
            return Problems.Conflict("id", "a segment of this scene is being generated; ask for the next one when it is done.");
        }

        StorySegment segment;
        try
        {
            if (await GenerationQuota.SpendAsync(db, w.Quota, s.Clock, s.Http, userId, ct) is { } refused)
            {
                await SegmentClaim.ReleaseAsync(db, id, segmentId, CancellationToken.None);
                return refused;
            }

            // The index is read while holding the claim, so no other segment of this scene can become ready meanwhile.
            var index = SceneAccess.ReadyCount(await SceneAccess.SegmentsAsync(db, scene, ct)) + 1;
            if (index > Core.Shots.ShotPlanLimits.MaxSegment)
            {
                await SegmentClaim.ReleaseAsync(db, id, segmentId, CancellationToken.None);
                return Problems.Conflict("id", $"a scene has at most {Core.Shots.ShotPlanLimits.MaxSegment} segments.");
            }

            segment = NewSegment(id, index, prompt, userId, now);
            segment.Id = segmentId;
            db.Set<StorySegment>().Add(segment);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await SegmentClaim.ReleaseAsync(db, id, segmentId, CancellationToken.None);
            throw;
        }

        var job = await SegmentStarter.QueueAsync(db, w.Jobs, segment, ct);
        await s.AuditAsync("stories.segment.create", $"story_scene:{id}", new Dictionary<string, string> { ["segment"] = segment.Id.ToString(), ["index"] = segment.Index.ToString(CultureInfo.InvariantCulture) });
        return TypedResults.Accepted($"/api/stories/scenes/{id}", new SegmentStarted(id, segment.Id, job.Id));
    }

    /// <summary>Scenes the caller may see, newest first, with the first segment's poster.</summary>
    public static async Task<IResult> ListAsync([AsParameters] StoryServices s, string? topic = null, string? mine = null, string? q = null, string? before = null, string? beforeId = null, string? limit = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        Guid topicId = default;
        if (topic is not null && !Guid.TryParse(topic, out topicId))
        {
            v.Add("topic", "must be a topic id.");
        }

        var onlyMine = false;
        if (mine is not null && !bool.TryParse(mine, out onlyMine))
        {
            v.Add("mine", "must be true or false.");
        }

        DateTimeOffset beforeAt = default;
        if (before is not null && !DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out beforeAt))
        {
            v.Add("before", "must be an ISO 8601 time (a scene's createdAt).");
        }

        // The page boundary is the last scene shown: several scenes may share its createdAt (millisecond precision),
        // so its id, the list's second sort key, tells which of them were shown already.
        Guid afterId = default;
        if (beforeId is not null && !Guid.TryParse(beforeId, out afterId))
        {
            v.Add("beforeId", "must be a scene id.");
        }
        else if (beforeId is not null && before is null)
        {
            v.Add("beforeId", "needs before, the createdAt of the same scene.");
        }

        var take = 20;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > StoryLimits.MaxPage))
        {
            v.Add("limit", $"must be a whole number from 1 to {StoryLimits.MaxPage}.");
        }

        var search = q?.Trim() ?? "";
        if (search.Length > StoryLimits.MaxTitle)
        {
            v.Add("q", $"must be at most {StoryLimits.MaxTitle} characters.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var me = s.Viewer.UserId;
        var scenes = s.Db.Set<StoryScene>().AsNoTracking().Where(c => c.DeletedAt == null && ((c.Visibility == SceneVisibility.Public && c.Status == SceneStatus.Active) || c.OwnerId == me));
        if (onlyMine)
        {
            scenes = scenes.Where(c => c.OwnerId == me);
        }

        if (topic is not null)
        {
            scenes = scenes.Where(c => c.TopicId == topicId);
        }

        if (beforeId is not null)
        {
            scenes = scenes.Where(c => c.CreatedAt < beforeAt || (c.CreatedAt == beforeAt && c.Id.CompareTo(afterId) < 0));
        }
        else if (before is not null)
        {
            scenes = scenes.Where(c => c.CreatedAt < beforeAt);
        }

        if (search.Length > 0)
        {
            var lower = search.ToLowerInvariant();
            scenes = scenes.Where(c => c.Title.ToLower().Contains(lower));
        }

        var rows = await scenes.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(s.Cancellation);
        var names = await OwnerNamesAsync(s, rows.Select(r => r.OwnerId));
        var roots = rows.Select(r => r.RootSceneId).Distinct().ToList();
        // A moderator removed an original: its first segment is no fork's poster, but for its owner and moderators.
        var moderator = s.Viewer.IsModerator;
        roots = await s.Db.Set<StoryScene>().AsNoTracking()
            .Where(c => roots.Contains(c.Id) && (c.Status == SceneStatus.Active || c.OwnerId == me || moderator)).Select(c => c.Id).ToListAsync(s.Cancellation);
        // Every scene of a tree shows its original's first segment, so the poster is that one's.
        var posters = await s.Db.Set<StorySegment>().AsNoTracking()
            .Where(g => roots.Contains(g.SceneId) && g.Index == 1 && g.Status == SegmentStatus.Ready && g.RemovedAt == null)
            .Select(g => new { g.SceneId, g.Id }).ToListAsync(s.Cancellation);
        var posterOf = posters.GroupBy(p => p.SceneId).ToDictionary(g => g.Key, g => $"/api/stories/segments/{g.First().Id}/media/poster.png");
        return TypedResults.Ok(rows.Select(r => SceneView.From(r, names.GetValueOrDefault(r.OwnerId, ""), posterOf.GetValueOrDefault(r.RootSceneId), null)).ToList());
    }

    /// <summary>A scene with the segments it shows (a fork: its parent's 1..k, then its own).</summary>
    public static async Task<IResult> GetAsync(Guid id, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        var viewer = s.Viewer;
        var segments = (await SceneAccess.VisibleSegmentsAsync(s.Db, scene, viewer, s.Cancellation)).Select(g => SegmentView.From(g, viewer, scene.OwnerId)).ToList();
        var names = await OwnerNamesAsync(s, [scene.OwnerId]);
        var poster = segments.FirstOrDefault(g => g.Index == 1 && g.PosterUrl is not null)?.PosterUrl;
        return TypedResults.Ok(SceneView.From(scene, names.GetValueOrDefault(scene.OwnerId, ""), poster, segments));
    }

    /// <summary>Deletes the caller's own scene: it is gone for everyone; forks made by others keep the segments they share.</summary>
    /// <param name="id">The scene.</param>
    /// <param name="jobs">The job queue, to cancel the scene's generation still queued or running.</param>
    /// <param name="s">The request's services.</param>
    public static async Task<IResult> DeleteAsync(Guid id, IJobQueue jobs, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        if (scene.OwnerId != s.Viewer.UserId)
        {
            return Problems.Forbidden("only the scene's owner may delete it.");
        }

        var now = s.Clock.GetUtcNow();
        await s.Db.Set<StoryScene>().Where(c => c.Id == id && c.DeletedAt == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.DeletedAt, (DateTimeOffset?)now), s.Cancellation);
        await Segments.SegmentCancel.CancelInFlightAsync(s.Db, jobs, id, CancellationToken.None);
        await s.AuditAsync("stories.scene.delete", $"story_scene:{id}");
        return TypedResults.NoContent();
    }

    /// <summary>A queued segment.</summary>
    internal static StorySegment NewSegment(Guid sceneId, int index, string prompt, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), SceneId = sceneId, Index = index, Prompt = prompt, Status = SegmentStatus.Queued, CreatedBy = userId, CreatedAt = now,
    };

    /// <summary>Display names of <paramref name="ids"/>.</summary>
    internal static Task<Dictionary<Guid, string>> OwnerNamesAsync(StoryServices s, IEnumerable<Guid> ids)
    {
        var list = ids.Distinct().ToList();
        return s.Db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, s.Cancellation);
    }

    // A world's bible, else the topic's cast, else empty.
    private static async Task<(SceneBible? Bible, IResult? Problem)> StartingBibleAsync(Guid? worldId, StoryTopic? topic, StoryServices s, SceneWrite w)
    {
        if (worldId is { } wid)
        {
            var world = await w.Worlds.FindWorldAsync(wid, s.User, s.Cancellation);
            if (world is null)
            {
                return (null, Problems.Field("worldId", "no world of yours with that id."));
            }

            if (world.Hash is null)
            {
                return (null, Problems.Conflict("worldId", $"the world is {world.Status}; tell a story in it once it is ready."));
            }

            var loaded = await w.Worlds.LoadWorldAsync(wid, world.Hash, s.Cancellation);
            if (loaded is null)
            {
                return (null, Problems.Conflict("worldId", "the world's document is missing from storage."));
            }

            var made = WorldBible.FromWorld(loaded);
            return made.Bible is { } b
                ? (b, null)
                : (null, Problems.Conflict("worldId", $"no bible could be made from this world: {string.Join("; ", made.Errors.Select(e => $"{e.Field}: {e.Message}"))}"));
        }

        return (topic?.BibleJson is { } json ? SceneBibles.Read(json) : SceneBibles.Empty, null);
    }
}
