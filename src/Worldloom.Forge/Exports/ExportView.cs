using Worldloom.Forge.Export.Engines;
using Worldloom.Platform.Jobs;

namespace Worldloom.Forge.Exports;

/// <summary>An export as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="WorldId">The world.</param>
/// <param name="Snapshot">The snapshot exported.</param>
/// <param name="WorldHash">That snapshot's document hash.</param>
/// <param name="Engines">The engines, in bundle order.</param>
/// <param name="Status">queued, running, ready or failed.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Stage">What the job is doing, for people.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="JobId">The job that builds it.</param>
/// <param name="EngineStatus">Each engine's status, files and bytes.</param>
/// <param name="Bundle">The bundle, once ready.</param>
/// <param name="StatusUrl">Where this view is.</param>
/// <param name="DownloadUrl">Where the ZIP is, once ready.</param>
/// <param name="CreatedAt">Asked for.</param>
/// <param name="FinishedAt">Became ready or failed.</param>
public sealed record ExportView(
    Guid Id,
    Guid WorldId,
    int Snapshot,
    string WorldHash,
    IReadOnlyList<string> Engines,
    string Status,
    int Progress,
    string Stage,
    string? Error,
    Guid? JobId,
    IReadOnlyList<EngineStatusView> EngineStatus,
    ExportBundleView? Bundle,
    string StatusUrl,
    string? DownloadUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>
    /// The view of <paramref name="e"/>. Until the export is final, its status follows its <paramref name="job"/>: a job
    /// that failed for good or was cancelled fails the export even when the job had no chance to say so in the record.
    /// </summary>
    public static ExportView From(WorldExportRecord e, Job? job, string worldName)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (status, progress, stage, error) = (e.Status, job?.Status) switch
        {
            (ExportStatus.Ready, _) => (ExportStatus.Ready, 100, "ready", null),
            (ExportStatus.Failed, _) => (ExportStatus.Failed, job?.Progress ?? 0, "failed", e.Error),
            (_, JobStatus.Failed) => (ExportStatus.Failed, job!.Progress, "failed", job.Error ?? "the export failed."),
            (_, JobStatus.Cancelled) => (ExportStatus.Failed, job!.Progress, "cancelled", "the export was cancelled."),
            (_, JobStatus.Running) => (ExportStatus.Running, job!.Progress, job.Stage, null),
            (_, JobStatus.Queued) => (ExportStatus.Queued, job!.Progress, job.Stage, (string?)null),
            _ => (e.Status, job?.Progress ?? 0, e.Status, e.Error),
        };
        var ready = status == ExportStatus.Ready;
        var bundle = ready
            ? new ExportBundleView(e.BundleSha256!, e.BundleSize!.Value, e.KeyId!, e.FileCount!.Value, ExportFileName.For(worldName, e.WorldHash))
            : null;
        var engines = ExportProgress.FromJson(e.EnginesJson)
            .Select(s => new EngineStatusView(s.Engine, ExportEngines.Titles.GetValueOrDefault(s.Engine, s.Engine), s.Status, s.Files, s.Bytes))
            .ToList();
        return new ExportView(
            e.Id, e.WorldId, e.Snapshot, e.WorldHash, e.Engines.Split(','), status, progress, stage, error, e.JobId, engines, bundle,
            $"/api/exports/{e.Id}", ready ? $"/api/exports/{e.Id}/download" : null, e.CreatedAt, e.FinishedAt);
    }
}
