using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Jobs;
using Worldloom.Stories.Bible;
using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Data;
using Worldloom.Stories.Render;
using Worldloom.Stories.Scenes;

namespace Worldloom.Stories.Segments;

/// <summary>
/// <c>stories.segment</c>: narrates one segment (<c>narrate</c>, 0–10), holds the plan to the scene's bible as of its
/// index (<c>validate</c>, 10–15), renders it (<c>render</c>, 15–90) and stores its files in the blob store
/// (<c>package</c>, 90–100). A blocked plan ends the segment <c>blocked</c> and the job succeeds with that outcome; a
/// render failure is retried with backoff and, on the last attempt, ends the segment <c>failed</c>. A moderator's
/// removal while it runs is kept: the job writes only its own columns, and ends the segment only from queued or
/// generating (<see cref="SegmentFailure"/>), so a removal's error is not overwritten.
/// <para>
/// A cancel request stops the segment up to the report after its files are stored: the segment ends <c>failed</c>, its
/// file rows go, and the job ends cancelled. After that report the segment is made ready without a cancellation point,
/// and the job returns (succeeds, as <see cref="JobRunner"/> records a handler that returns even after a cancel request):
/// a cancel that comes once the work is done cannot undo it, and the job and the segment both say it finished.
/// </para>
/// </summary>
public sealed class SegmentJob(IServiceScopeFactory scopes, INarrator narrator, IVideoProvider video, IBlobStore blobs, IOptions<StoriesOptions> options) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "stories.segment";

    /// <summary>The error a segment ends with when its job was cancelled while it ran.</summary>
    public const string CancelledError = "The job was cancelled.";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = JsonSerializer.Deserialize<SegmentInput>(run.Input, JsonSerializerOptions.Web) ?? throw new JobFailedException("The job has no input.");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var segment = await db.Set<StorySegment>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SegmentId, cancellationToken)
            ?? throw new JobFailedException($"No segment {input.SegmentId}.");
        if (!SegmentStatus.InFlight(segment.Status))
        {
            // An earlier attempt finished it (and crashed before the job was marked done).
            return Result(segment.Id, segment.Status);
        }

        var scene = await db.Set<StoryScene>().AsNoTracking().FirstAsync(s => s.Id == segment.SceneId, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Compare-and-set: a removal that ended the segment while its job waited is kept.
            if (await db.Set<StorySegment>().Where(s => s.Id == segment.Id && (s.Status == SegmentStatus.Queued || s.Status == SegmentStatus.Generating))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SegmentStatus.Generating), cancellationToken) == 0)
            {
                return Result(segment.Id, SegmentStatus.Failed);
            }

            var outcome = await GenerateAsync(db, run, scene, segment, cancellationToken);
            Finished(outcome, started);
            return Result(segment.Id, outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException && (e is JobFailedException || run.Attempt >= StoryLimits.JobAttempts))
        {
            var message = e is JobFailedException ? e.Message : $"Rendering failed after {run.Attempt} attempts: {e.Message}";
            await SegmentFailure.EndAsync(db, scene.Id, segment.Id, Clip(message, 4000), CancellationToken.None);
            Finished(SegmentStatus.Failed, started);
            throw e as JobFailedException ?? new JobFailedException(message, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The job was cancelled (noticed at a progress report): the segment will not come. A cancel that stops the
            // attempt's token instead leaves it to SceneAccess, which settles segments of ended jobs the same way.
            await SegmentFailure.EndAsync(db, scene.Id, segment.Id, CancelledError, CancellationToken.None);
            throw;
        }
    }

    private async Task<string> GenerateAsync(LoomDb db, JobRun run, StoryScene scene, StorySegment segment, CancellationToken ct)
    {
        await run.ReportAsync(0, "narrate", ct);
        var bible = SceneBibles.Read(scene.BibleJson);
        // The story so far as anyone sees it: a removed segment, or one of a removed scene up the chain, is not part of it.
        var before = (await SceneAccess.VisibleSegmentsAsync(db, scene, Viewer.Public, ct))
            .Where(s => s.Status == SegmentStatus.Ready && s.Index < segment.Index && s.Summary is not null).Select(s => s.Summary!);
        var summaries = string.Join("\n", before);
        if (summaries.Length > NarrationRequest.MaxSummaryLength)
        {
            // The most recent segments matter most to what comes next.
            summaries = summaries[^NarrationRequest.MaxSummaryLength..];
        }

        var request = new NarrationRequest
        {
            Bible = bible, Segment = segment.Index, Prompt = segment.Prompt, PreviousSummary = summaries, Seed = unchecked((ulong)scene.Seed),
            TargetDurationMs = Math.Clamp(options.Value.SegmentSeconds * 1000, NarrationRequest.MinDurationMs, NarrationRequest.MaxDurationMs),
        };
        var narrated = await narrator.NarrateAsync(request, ct);
        if (narrated.Failure is { } failure)
        {
            var problems = string.Join("; ", failure.Problems.Select(p => $"{p.Field}: {p.Message}"));
            var message = $"The narrator ({narrator.Name}) could not plan the segment: {failure.Message}{(problems.Length > 0 ? " " + problems : "")}";
            if (failure.Kind == NarrationFailureKind.Unavailable)
            {
                // A narrator service that is down may be back on the next attempt.
                throw new InvalidOperationException(message);
            }

            throw new JobFailedException(message);
        }

        await run.ReportAsync(10, "validate", ct);
        var report = ContinuityValidator.Validate(bible, narrated.Plan!);
        var reportJson = Encoding.UTF8.GetString(ContinuityReportJson.Write(report));
        if (!report.Passed)
        {
            var first = report.Violations[0];
            // Only if still generating, as for ready below: a removal's failure and its error are kept.
            var blocked = await db.Set<StorySegment>().Where(s => s.Id == segment.Id && s.Status == SegmentStatus.Generating).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SegmentStatus.Blocked).SetProperty(s => s.ContinuityJson, reportJson).SetProperty(s => s.Narrator, narrator.Name)
                .SetProperty(s => s.Error, Clip($"Blocked by continuity: {first.Message} ({first.Rule}){(report.Violations.Count > 1 ? $" and {report.Violations.Count - 1} more" : "")}", 4000)), ct);
            await SegmentClaim.ReleaseAsync(db, scene.Id, segment.Id, CancellationToken.None);
            return blocked == 1 ? SegmentStatus.Blocked : SegmentStatus.Failed;
        }

        await run.ReportAsync(15, "render", ct);
        var directory = Path.Combine(Path.GetTempPath(), "loom-segment-" + segment.Id.ToString("N") + "-" + run.Attempt);
        try
        {
            VideoSegment rendered;
            using (var progress = new RenderReporter(run, ct))
            {
                try
                {
                    rendered = await video.RenderAsync(new VideoRequest(report.Plan, bible.AsOf(segment.Index), directory), progress, progress.Token);
                }
                catch (InvalidShotPlanException e)
                {
                    throw new JobFailedException($"The plan cannot be drawn: {string.Join("; ", e.Errors.Select(p => $"{p.Field}: {p.Message}"))}", e);
                }

                await progress.DrainAsync();
            }

            await run.ReportAsync(90, "package", ct);
            await StoreAsync(db, segment.Id, rendered, ct);
            // The last point a cancel request stops the segment; from here on it finishes whatever is asked, so that
            // a ready segment is never then turned failed and the job never ends cancelled with its segment ready.
            await run.ReportAsync(100, "package", ct);
            // Only if still generating: a segment ended by its scene's removal meanwhile stays ended.
            var stored = await db.Set<StorySegment>().Where(s => s.Id == segment.Id && s.Status == SegmentStatus.Generating).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SegmentStatus.Ready).SetProperty(s => s.ContinuityJson, reportJson).SetProperty(s => s.Narrator, narrator.Name)
                .SetProperty(s => s.Provider, rendered.Provider).SetProperty(s => s.DurationMs, (long?)rendered.DurationMs).SetProperty(s => s.Summary, Clip(report.Plan.Summary, 1000))
                .SetProperty(s => s.Width, rendered.Width).SetProperty(s => s.Height, rendered.Height).SetProperty(s => s.Bandwidth, rendered.Bandwidth)
                .SetProperty(s => s.Error, (string?)null), CancellationToken.None);
            if (stored == 1)
            {
                await SegmentClaim.ReleaseAsync(db, scene.Id, segment.Id, CancellationToken.None);
                return SegmentStatus.Ready;
            }

            // Ended meanwhile (its scene removed): it keeps that outcome and error, and the files just stored must not
            // be served for it.
            await SegmentFailure.EndAsync(db, scene.Id, segment.Id, CancelledError, CancellationToken.None);
            return SegmentStatus.Failed;
        }
        finally
        {
            TryDelete(directory);
        }
    }

    // Files first, rows after: a row never names a blob that is not stored. A retry replaces the rows.
    private async Task StoreAsync(LoomDb db, Guid segmentId, VideoSegment rendered, CancellationToken ct)
    {
        var files = new List<StorySegmentFile>();
        foreach (var file in rendered.Files)
        {
            await using var stream = File.OpenRead(Path.Combine(rendered.Directory, file.Name));
            var blob = await blobs.PutAsync(stream, file.ContentType, ct);
            files.Add(new StorySegmentFile { SegmentId = segmentId, Name = file.Name, Sha256 = blob.Sha256, Size = blob.Size, ContentType = file.ContentType });
        }

        await db.Set<StorySegmentFile>().Where(f => f.SegmentId == segmentId).ExecuteDeleteAsync(ct);
        db.Set<StorySegmentFile>().AddRange(files);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void Finished(string outcome, long started)
    {
        StoriesMetrics.Segments.WithLabels(outcome).Inc();
        StoriesMetrics.GenerationSeconds.WithLabels(outcome).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static string Result(Guid segmentId, string status) =>
        JsonSerializer.Serialize(new { segmentId, status }, JsonSerializerOptions.Web);

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Temp files; the OS cleans the temp dir later.
        }
    }
}
