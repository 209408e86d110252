using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Data;
using Worldloom.Platform.Jobs;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Segments;

/// <summary>
/// One segment of a scene at a time: a new segment claims the scene's <see cref="StoryScene.GeneratingSegmentId"/> by a
/// compare-and-set update (of two requests at once, exactly one changes the row), and its job releases it at the end.
/// </summary>
public static class SegmentClaim
{
    /// <summary>How long a claim may name a segment that is not stored yet before it counts as abandoned.</summary>
    public static readonly TimeSpan UnstoredGrace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Claims the scene for <paramref name="segmentId"/> (a version 7 id made at <paramref name="now"/>); false while
    /// another segment holds it. A claim whose segment is no longer in flight, or whose job ended without releasing it
    /// (cancelled, lost), is stale and taken over. A claim is made before its segment row is written, so a claim with no
    /// row yet is live unless its id says it was made more than <see cref="UnstoredGrace"/> ago (its request died).
    /// </summary>
    public static async Task<bool> TryClaimAsync(LoomDb db, Guid sceneId, Guid segmentId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await ClaimAsync(db, sceneId, segmentId, null, ct))
        {
            return true;
        }

        var holder = await db.Set<StoryScene>().AsNoTracking().Where(s => s.Id == sceneId).Select(s => s.GeneratingSegmentId).FirstOrDefaultAsync(ct);
        if (holder is null)
        {
            return await ClaimAsync(db, sceneId, segmentId, null, ct);
        }

        var segment = await db.Set<StorySegment>().AsNoTracking().Where(s => s.Id == holder).Select(s => new { s.Status, s.JobId }).FirstOrDefaultAsync(ct);
        var live = segment is null
            ? now - MadeAt(holder.Value) < UnstoredGrace
            : SegmentStatus.InFlight(segment.Status)
                && (segment.JobId is not { } jobId || await db.Jobs.AsNoTracking().AnyAsync(j => j.Id == jobId && j.Status != JobStatus.Succeeded && j.Status != JobStatus.Failed && j.Status != JobStatus.Cancelled, ct));
        return !live && await ClaimAsync(db, sceneId, segmentId, holder, ct);
    }

    /// <summary>Releases the scene if <paramref name="segmentId"/> still holds it.</summary>
    public static Task ReleaseAsync(LoomDb db, Guid sceneId, Guid segmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<StoryScene>().Where(s => s.Id == sceneId && s.GeneratingSegmentId == segmentId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.GeneratingSegmentId, (Guid?)null), ct);
    }

    // A version 7 id starts with its Unix milliseconds, big-endian (RFC 9562).
    private static DateTimeOffset MadeAt(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var ms = 0L;
        for (var i = 0; i < 6; i++)
        {
            ms = (ms << 8) | bytes[i];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static async Task<bool> ClaimAsync(LoomDb db, Guid sceneId, Guid segmentId, Guid? expected, CancellationToken ct) =>
        await db.Set<StoryScene>().Where(s => s.Id == sceneId && s.GeneratingSegmentId == expected)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.GeneratingSegmentId, (Guid?)segmentId), ct) == 1;
}
