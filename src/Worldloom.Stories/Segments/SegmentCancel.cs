using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Platform.Jobs;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Segments;

/// <summary>Stops generation that (almost) nobody may see any more: a removed or deleted scene's segment.</summary>
public static class SegmentCancel
{
    /// <summary>The error a segment ends with when its scene was removed or deleted while it was in flight.</summary>
    public const string RemovedError = "cancelled: the scene was removed";

    /// <summary>
    /// Ends <c>failed</c> every queued or generating segment of the scene <paramref name="sceneId"/> (<see cref="SegmentFailure"/>:
    /// the scene's claim released, any file rows gone) and cancels their jobs through the job queue: a queued job at
    /// once, a running one at its next progress report. The status is a compare-and-set, so a segment that finished
    /// meanwhile keeps its outcome.
    /// </summary>
    public static async Task CancelInFlightAsync(LoomDb db, IJobQueue jobs, Guid sceneId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jobs);
        var inFlight = await db.Set<StorySegment>().AsNoTracking()
            .Where(g => g.SceneId == sceneId && (g.Status == SegmentStatus.Queued || g.Status == SegmentStatus.Generating))
            .Select(g => new { g.Id, g.JobId }).ToListAsync(ct);
        foreach (var segment in inFlight)
        {
            if (!await SegmentFailure.EndAsync(db, sceneId, segment.Id, RemovedError, ct))
            {
                continue;
            }

            if (segment.JobId is { } jobId)
            {
                await jobs.CancelAsync(jobId, ct);
            }
        }
    }
}
