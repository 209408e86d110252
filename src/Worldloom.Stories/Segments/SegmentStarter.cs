using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Platform.Jobs;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Segments;

/// <summary>Records a queued segment and its <c>stories.segment</c> job.</summary>
public static class SegmentStarter
{
    /// <summary>
    /// Adds <paramref name="segment"/> (already holding the scene's claim) and queues its job; returns the job. Should
    /// queueing fail, the segment is marked failed and the claim released, so the scene is not stuck.
    /// </summary>
    public static async Task<Job> QueueAsync(LoomDb db, IJobQueue jobs, StorySegment segment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(segment);
        try
        {
            var job = await jobs.EnqueueAsync(segment.CreatedBy, SegmentJob.KindName, JsonSerializer.Serialize(new SegmentInput(segment.Id), JsonSerializerOptions.Web), StoryLimits.JobAttempts, ct);
            await db.Set<StorySegment>().Where(s => s.Id == segment.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.JobId, (Guid?)job.Id), CancellationToken.None);
            segment.JobId = job.Id;
            return job;
        }
        catch
        {
            await SegmentFailure.EndAsync(db, segment.SceneId, segment.Id, "The job could not be queued.", CancellationToken.None);
            throw;
        }
    }
}
