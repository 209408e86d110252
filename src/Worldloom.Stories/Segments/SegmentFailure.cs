using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Segments;

/// <summary>Ends a segment <c>failed</c>: the one way its job, a moderator's removal and a cancelled job's settling all do it.</summary>
public static class SegmentFailure
{
    /// <summary>
    /// Ends <paramref name="segmentId"/> <c>failed</c> with <paramref name="error"/> if it is still queued or generating
    /// (a compare-and-set: a segment that finished, or that another path ended first, keeps its outcome and its error),
    /// removes its file rows unless it is ready (a job may have stored them just before it was stopped: a failed segment
    /// serves no media), and releases the scene's claim if the segment still holds it. The blobs stay: they may be shared
    /// by content with a segment that rendered the same bytes, and the platform's sweep of unreferenced blobs
    /// (<see cref="Platform.Blobs.BlobSweep"/>) reclaims those no row names. True if this call ended it.
    /// </summary>
    public static async Task<bool> EndAsync(LoomDb db, Guid sceneId, Guid segmentId, string error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ended = await db.Set<StorySegment>().Where(g => g.Id == segmentId && (g.Status == SegmentStatus.Queued || g.Status == SegmentStatus.Generating))
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, SegmentStatus.Failed).SetProperty(g => g.Error, error), ct) == 1;
        await db.Set<StorySegmentFile>()
            .Where(f => f.SegmentId == segmentId && db.Set<StorySegment>().Any(g => g.Id == segmentId && g.Status != SegmentStatus.Ready))
            .ExecuteDeleteAsync(ct);
        await SegmentClaim.ReleaseAsync(db, sceneId, segmentId, ct);
        return ended;
    }
}
