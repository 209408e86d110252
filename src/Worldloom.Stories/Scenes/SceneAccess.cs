using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Platform.Jobs;
using Worldloom.Stories.Data;
using Worldloom.Stories.Segments;

namespace Worldloom.Stories.Scenes;

/// <summary>
/// Which scenes and segments a caller may see, and which segments a scene shows. A scene the caller may not see
/// answers 404, as one that does not exist, so private scenes cannot be probed. A fork at segment k shows its parent's
/// ready segments 1..k (the parent's own view, up the chain) and then its own.
/// </summary>
public static class SceneAccess
{
    /// <summary>The scene if <paramref name="viewer"/> may see it, else null.</summary>
    public static async Task<StoryScene?> FindAsync(LoomDb db, Guid id, Viewer viewer, CancellationToken ct, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var scenes = track ? db.Set<StoryScene>() : db.Set<StoryScene>().AsNoTracking();
        var scene = await scenes.FirstOrDefaultAsync(s => s.Id == id && s.DeletedAt == null, ct);
        return scene is not null && SceneNode.Of(scene).VisibleTo(viewer) ? scene : null;
    }

    /// <summary>Every scene of the tree rooted at <paramref name="rootId"/> (deleted ones included: their segments live on in forks), oldest first.</summary>
    public static Task<List<SceneNode>> TreeAsync(LoomDb db, Guid rootId, CancellationToken ct) =>
        db.Set<StoryScene>().AsNoTracking().Where(s => s.RootSceneId == rootId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(StoryLimits.MaxTreeScenes)
            .Select(NodeOf).ToListAsync(ct);

    // A scene's node read without its bible.
    private static readonly Expression<Func<StoryScene, SceneNode>> NodeOf =
        s => new SceneNode(s.Id, s.Title, s.ParentSceneId, s.ForkedAtSegment, s.RootSceneId, s.OwnerId, s.Visibility, s.Status, s.DeletedAt, s.CreatedAt);

    /// <summary>
    /// The scenes whose segments <paramref name="scene"/> shows, each with the highest index it contributes: the scene
    /// itself (every index), its parent (up to the fork point), the parent's parent (up to the smaller of the two), ...
    /// </summary>
    public static IReadOnlyList<(Guid SceneId, int UpTo)> Chain(SceneNode scene, IReadOnlyDictionary<Guid, SceneNode> tree)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(tree);
        var chain = new List<(Guid, int)> { (scene.Id, int.MaxValue) };
        var upTo = int.MaxValue;
        for (var node = scene; node.ParentSceneId is { } parent && node.ForkedAtSegment is { } at && tree.TryGetValue(parent, out var next); node = next)
        {
            upTo = Math.Min(upTo, at);
            chain.Add((parent, upTo));
            if (chain.Count > StoryLimits.MaxForkDepth + 1)
            {
                break;
            }
        }

        return chain;
    }

    /// <summary>
    /// Every segment <paramref name="scene"/> shows, in order, whoever looks: its own (in any status) and its ancestors'
    /// ready ones up to each fork point. Visibility of removed segments is <see cref="VisibleSegmentsAsync"/>'s job.
    /// </summary>
    public static async Task<List<StorySegment>> SegmentsAsync(LoomDb db, StoryScene scene, CancellationToken ct) =>
        (await ChainSegmentsAsync(db, scene, ct)).Segments;

    /// <summary>
    /// The segments of <see cref="SegmentsAsync"/> that <paramref name="viewer"/> sees: not those a moderator removed
    /// (<see cref="Visible"/>), nor those of a scene up the chain a moderator removed, unless the viewer owns that scene
    /// or moderates: a fork made before the removal must not keep showing the removed scene.
    /// </summary>
    public static async Task<List<StorySegment>> VisibleSegmentsAsync(LoomDb db, StoryScene scene, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (segments, nodes) = await ChainSegmentsAsync(db, scene, ct);
        return segments.Where(g => Visible(g, viewer) && !HiddenByRemoval(nodes.GetValueOrDefault(g.SceneId), viewer)).ToList();
    }

    // The chain's segments and the chain's scenes by id.
    private static async Task<(List<StorySegment> Segments, IReadOnlyDictionary<Guid, SceneNode> Nodes)> ChainSegmentsAsync(LoomDb db, StoryScene scene, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scene);
        IReadOnlyList<(Guid SceneId, int UpTo)> chain = [(scene.Id, int.MaxValue)];
        IReadOnlyDictionary<Guid, SceneNode> nodes = new Dictionary<Guid, SceneNode> { [scene.Id] = SceneNode.Of(scene) };
        if (scene.ParentSceneId is not null)
        {
            var tree = (await TreeAsync(db, scene.RootSceneId, ct)).ToDictionary(n => n.Id);
            chain = Chain(SceneNode.Of(scene), tree);
            nodes = tree;
        }

        var ids = chain.Select(c => c.SceneId).ToList();
        var rows = await db.Set<StorySegment>().AsNoTracking().Where(s => ids.Contains(s.SceneId)).ToListAsync(ct);
        await SettleEndedJobsAsync(db, scene.Id, rows, ct);
        var limits = chain.ToDictionary(c => c.SceneId, c => c.UpTo);
        var segments = rows
            .Where(s => s.SceneId == scene.Id || (s.Status == SegmentStatus.Ready && s.Index <= limits[s.SceneId]))
            .OrderBy(s => s.Index).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToList();
        return (segments, nodes);
    }

    /// <summary>The error of a segment whose job was cancelled before it ran.</summary>
    public const string CancelledError = "cancelled";

    /// <summary>
    /// Ends <c>failed</c> the scene's queued or generating segments whose job has ended without finishing them. A job
    /// cancelled while queued never runs, so no handler hears of it and the job queue has no hook to tell; without this
    /// the segment would stay queued for ever and the scene could not be continued. A compare-and-set on the status,
    /// so a job that did finish its segment is never overwritten.
    /// </summary>
    private static async Task SettleEndedJobsAsync(LoomDb db, Guid sceneId, List<StorySegment> rows, CancellationToken ct)
    {
        var waiting = rows.Where(g => g.SceneId == sceneId && SegmentStatus.InFlight(g.Status) && g.JobId is not null).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var jobIds = waiting.Select(g => g.JobId!.Value).ToList();
        var ended = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id) && (j.Status == JobStatus.Cancelled || j.Status == JobStatus.Failed))
            .ToDictionaryAsync(j => j.Id, j => j.Status, ct);
        foreach (var segment in waiting.Where(g => ended.ContainsKey(g.JobId!.Value)))
        {
            var error = ended[segment.JobId!.Value] == JobStatus.Cancelled ? CancelledError : "The job ended without finishing the segment.";
            await SegmentFailure.EndAsync(db, sceneId, segment.Id, error, ct);
            segment.Status = SegmentStatus.Failed;
            segment.Error = error;
        }
    }

    /// <summary>Whether a moderator removed <paramref name="owner"/>, a scene whose segments are shown, and <paramref name="viewer"/> is neither its owner nor a moderator.</summary>
    public static bool HiddenByRemoval(SceneNode? owner, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return owner is not null && owner.Status == SceneStatus.Removed && !viewer.IsModerator && owner.OwnerId != viewer.UserId;
    }

    /// <summary>Whether <paramref name="viewer"/> sees <paramref name="segment"/> in a scene they may see: a removed one only as its author or a moderator.</summary>
    public static bool Visible(StorySegment segment, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(viewer);
        return segment.RemovedAt is null || viewer.IsModerator || segment.CreatedBy == viewer.UserId;
    }

    /// <summary>The number of ready segments a scene shows: the index the next one takes is this plus one.</summary>
    public static int ReadyCount(IEnumerable<StorySegment> segments) =>
        segments.Where(s => s.Status == SegmentStatus.Ready).Select(s => s.Index).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Whether <paramref name="viewer"/> may see <paramref name="segment"/>: some scene of its tree that they may see
    /// shows it (its own scene, or a fork at or past its index; a deleted original's segments live on in forks), and
    /// neither a moderator removed it nor the scene that made it (<see cref="HiddenByRemoval"/>).
    /// Asked for every media file a player fetches, so it reads the scene that made the segment alone, and the tree
    /// only when that scene does not show it to the viewer (deleted, private or removed): its own scene shows all its
    /// segments, so only then can the answer depend on the forks.
    /// </summary>
    public static async Task<bool> CanSeeSegmentAsync(LoomDb db, StorySegment segment, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(segment);
        if (!Visible(segment, viewer))
        {
            return false;
        }

        var owner = await db.Set<StoryScene>().AsNoTracking().Where(s => s.Id == segment.SceneId).Select(NodeOf).FirstOrDefaultAsync(ct);
        if (owner is null || HiddenByRemoval(owner, viewer))
        {
            return false;
        }

        if (owner.VisibleTo(viewer))
        {
            return true;
        }

        var tree = (await TreeAsync(db, owner.RootSceneId, ct)).ToDictionary(n => n.Id);
        return tree.Values.Where(n => n.VisibleTo(viewer)).Any(n => Chain(n, tree).Any(c =>
            c.SceneId == segment.SceneId && (c.UpTo == int.MaxValue || (segment.Status == SegmentStatus.Ready && segment.Index <= c.UpTo))));
    }
}
