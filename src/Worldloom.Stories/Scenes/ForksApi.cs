using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Problems;
using Worldloom.Stories.Bible;
using Worldloom.Stories.Data;
using Worldloom.Stories.Moderation;

namespace Worldloom.Stories.Scenes;

/// <summary>
/// Forks and the fork tree. A fork at segment k shares the scene's segments 1..k (the same ids and media, nothing
/// copied), takes its visibility and its bible as of k, and continues on its own.
/// </summary>
public static class ForksApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapForksApi(this IEndpointRouteBuilder routes)
    {
        var scenes = routes.MapGroup("/api/stories/scenes/{id:guid}").WithTags("Stories").RequireAuthorization();
        scenes.MapPost("/fork", ForkAsync);
        scenes.MapGet("/tree", TreeAsync);
        return routes;
    }

    /// <summary>Forks a scene the caller can see at <c>atSegment</c> (1 to its ready segments): 201 with the new scene.</summary>
    public static async Task<IResult> ForkAsync(Guid id, ForkCreate body, [AsParameters] StoryServices s, PromptFilter filter)
    {
        ArgumentNullException.ThrowIfNull(s);
        var v = new Validation();
        if (body?.AtSegment is null)
        {
            v.Add("atSegment", "is required.");
        }

        string? title = null;
        if (body?.Title is not null)
        {
            title = v.Text("title", body.Title, StoryLimits.MaxTitle);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var (db, ct) = (s.Db, s.Cancellation);
        var parent = await SceneAccess.FindAsync(db, id, s.Viewer, ct);
        if (parent is null)
        {
            return Problems.NotFound("scene");
        }

        // As for continuing: a removed scene's owner and moderators still see it, but it must not live on in a fork.
        if (parent.Status == SceneStatus.Removed)
        {
            return Problems.Conflict("id", "a moderator removed this scene; it cannot be forked.");
        }

        if (await StoryRefusals.BannedAsync(db, s.Viewer.UserId, ct) is { } banned)
        {
            return banned;
        }

        if (StoryRefusals.Filtered(filter, "title", title) is { } filtered)
        {
            return filtered;
        }

        var ready = SceneAccess.ReadyCount(await SceneAccess.SegmentsAsync(db, parent, ct));
        var at = body!.AtSegment!.Value;
        if (ready == 0)
        {
            return Problems.Conflict("atSegment", "the scene has no ready segment to fork at yet.");
        }

        if (at < 1 || at > ready)
        {
            return Problems.Field("atSegment", $"must be from 1 to {ready}, the scene's ready segments; got {at}.");
        }

        var tree = (await SceneAccess.TreeAsync(db, parent.RootSceneId, ct)).ToDictionary(n => n.Id);
        if (SceneAccess.Chain(SceneNode.Of(parent), tree).Count > StoryLimits.MaxForkDepth)
        {
            return Problems.Conflict("id", $"forks nest at most {StoryLimits.MaxForkDepth} deep; fork an earlier scene of the tree.");
        }

        if (tree.Count >= StoryLimits.MaxTreeScenes)
        {
            return Problems.Conflict("id", $"a fork tree holds at most {StoryLimits.MaxTreeScenes} scenes.");
        }

        var now = s.Clock.GetUtcNow();
        var bible = SceneBibles.AsOfFork(SceneBibles.Read(parent.BibleJson), at);
        var fork = new StoryScene
        {
            Id = Guid.CreateVersion7(now),
            Title = title ?? Clip(parent.Title + " (fork)"),
            Logline = parent.Logline,
            TopicId = parent.TopicId,
            WorldId = parent.WorldId,
            Visibility = parent.Visibility,
            OwnerId = s.Viewer.UserId,
            // Its own seed, so the same prompt after the fork point tells a different take.
            Seed = RandomNumberGenerator.GetInt32(int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue),
            ParentSceneId = parent.Id,
            ForkedAtSegment = at,
            RootSceneId = parent.RootSceneId,
            BibleJson = SceneBibles.Write(bible),
            BibleVersion = bible.Version,
            CreatedAt = now,
        };
        db.Set<StoryScene>().Add(fork);
        await db.SaveChangesAsync(ct);
        await s.AuditAsync("stories.scene.fork", $"story_scene:{fork.Id}", new Dictionary<string, string>
        {
            ["parent"] = parent.Id.ToString(), ["atSegment"] = at.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return TypedResults.Created($"/api/stories/scenes/{fork.Id}", new ForkCreated(fork.Id));
    }

    /// <summary>The whole fork tree of the scene's original; branches the caller may not see are left out.</summary>
    public static async Task<IResult> TreeAsync(Guid id, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return Problems.NotFound("scene");
        }

        var nodes = await SceneAccess.TreeAsync(s.Db, scene.RootSceneId, s.Cancellation);
        var ids = nodes.Select(n => n.Id).ToList();
        var ready = await s.Db.Set<StorySegment>().AsNoTracking().Where(g => ids.Contains(g.SceneId) && g.Status == SegmentStatus.Ready).ToListAsync(s.Cancellation);
        var byScene = ready.ToLookup(g => g.SceneId);
        var tree = nodes.ToDictionary(n => n.Id);
        var names = await ScenesApi.OwnerNamesAsync(s, nodes.Select(n => n.OwnerId));
        var children = nodes.Where(n => n.ParentSceneId is not null).ToLookup(n => n.ParentSceneId!.Value);
        var viewer = s.Viewer;

        // The ready segments the node's scene shows the caller (its own and those up its chain), as its view does: not
        // a removed segment, nor those of a removed scene up the chain, unless the caller may still see them.
        int Shown(SceneNode node) =>
            SceneAccess.Chain(node, tree).Sum(c => byScene[c.SceneId].Count(g =>
                g.Index <= c.UpTo && SceneAccess.Visible(g, viewer) && !SceneAccess.HiddenByRemoval(tree.GetValueOrDefault(g.SceneId), viewer)));

        TreeNode? Build(SceneNode node, int depth)
        {
            var kids = depth > StoryLimits.MaxForkDepth ? [] : children[node.Id].Select(c => Build(c, depth + 1)).OfType<TreeNode>().ToList();
            var visible = node.VisibleTo(viewer);
            if (!visible && kids.Count == 0)
            {
                return null;
            }

            var count = Shown(node);
            return visible
                ? new TreeNode(node.Id, node.Title, node.ForkedAtSegment, count, names.GetValueOrDefault(node.OwnerId, ""), false, kids)
                : new TreeNode(node.Id, null, node.ForkedAtSegment, count, null, true, kids);
        }

        var root = nodes.FirstOrDefault(n => n.Id == scene.RootSceneId);
        var built = root is null ? null : Build(root, 0);
        return built is null ? Problems.NotFound("scene tree") : TypedResults.Ok(new TreeView(built, id));
    }

    private static string Clip(string title) => title.Length <= StoryLimits.MaxTitle ? title : title[..StoryLimits.MaxTitle];
}
