using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Worldloom.Forge.Export;
using Worldloom.Forge.Export.Engines;
using Worldloom.Forge.Worlds;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Keys;

namespace Worldloom.Forge.Exports;

/// <summary>
/// <c>forge.export</c>: runs the chosen engines' exporters on a world snapshot, writes the signed bundle to a temp file
/// and stores it in the blob store, reporting each engine's status as it goes. An export of the same world and engines
/// already signed by the current key is reused: bundles are deterministic, so it would be the same bytes. A failure of
/// the exporters themselves is final (the same world fails the same way again); storage failures are retried.
/// </summary>
public sealed class WorldExportJob(IServiceScopeFactory scopes, WorldStore store, IKeyStore keys, IBlobStore blobs, IOptions<PlatformOptions> options, LoomClock clock)
    : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "forge.export";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = JsonSerializer.Deserialize<WorldExportInput>(run.Input, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The job has no input.");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var record = await db.Set<WorldExportRecord>().SingleAsync(e => e.Id == input.ExportId, cancellationToken);
        var engines = record.Engines.Split(',');
        var signer = new KeyStoreBundleSigner(keys);
        if (record.Status == ExportStatus.Ready && record.BundleSha256 is { } stored && await blobs.ExistsAsync(stored, cancellationToken))
        {
            // An earlier attempt stored the bundle and recorded it, then lost its lease before finishing the job.
            return Result(record, reused: false);
        }

        record.Status = ExportStatus.Running;
        record.EnginesJson = ExportProgress.ToJson([.. engines.Select(e => new EngineState(e, EngineState.Queued, 0, 0))]);
        await db.SaveChangesAsync(cancellationToken);
        await run.ReportAsync(2, "loading the world", cancellationToken);

        if (await FindReusableAsync(db, record, signer.KeyId, cancellationToken) is { } earlier)
        {
            await FinishAsync(db, record, earlier.BundleSha256!, earlier.BundleSize!.Value, earlier.FileCount!.Value, earlier.KeyId!, ExportProgress.FromJson(earlier.EnginesJson), cancellationToken);
            return Result(record, reused: true);
        }

        var bytes = await store.LoadBytesAsync(record.WorldHash, cancellationToken);
        var loaded = await store.LoadAsync(record.WorldHash, cancellationToken);
        if (bytes is null || loaded is null)
        {
            await FailAsync(db, record, "the world's document is no longer stored.");
            throw new JobFailedException("The world's document is no longer stored.");
        }

        var progress = new ExportProgress(engines);
        await using var bundle = ExportTempFiles.Create(options.Value.DataDir);
        ExportResult result;
        try
        {
            result = await RunExportersAsync(db, record, new ExportSource(loaded.World, bytes), engines, signer, bundle, progress, run, cancellationToken);
        }
        catch (ExportFailedException e)
        {
            await FailAsync(db, record, e.Message);
            throw new JobFailedException(e.Message, e.InnerException!);
        }

        await run.ReportAsync(92, "storing the bundle", cancellationToken);
        bundle.Position = 0;
        var blob = await blobs.PutAsync(bundle, "application/zip", cancellationToken);
        await FinishAsync(db, record, blob.Sha256, blob.Size, result.Manifest.Files.Count, result.Manifest.KeyId, progress.Read().Engines, cancellationToken);
        return Result(record, reused: false);
    }

    // Runs the exporters on the thread pool and writes their progress to the job and the record whenever it changes.
    // The exporters never wait for these writes: they only signal, and this loop catches up with the latest state.
    private async Task<ExportResult> RunExportersAsync(
        LoomDb db, WorldExportRecord record, ExportSource source, IReadOnlyList<string> engines, KeyStoreBundleSigner signer, Stream bundle,
        ExportProgress progress, JobRun run, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var export = Task.Run(() => WorldExport.Run(source, engines, signer, bundle, progress, stop.Token), stop.Token);
        var written = -1;
        try
        {
            while (true)
            {
                var changed = progress.Changed;
                var reading = progress.Read();
                if (reading.Version != written)
                {
                    written = reading.Version;
                    await run.ReportAsync(reading.Percent, reading.Stage, cancellationToken);
                    await db.Set<WorldExportRecord>().Where(e => e.Id == record.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.EnginesJson, ExportProgress.ToJson(reading.Engines)), cancellationToken);
                }

                if (export.IsCompleted)
                {
                    break;
                }

                await Task.WhenAny(export, changed);
            }
        }
        catch
        {
            // Cancelled (or the database failed) while exporting: stop the exporters before the temp file goes away.
            await stop.CancelAsync();
            await export.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        try
        {
            return await export;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is not IOException)
        {
            throw new ExportFailedException(e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerException!.Message : e.Message, e);
        }
    }

    private async Task<WorldExportRecord?> FindReusableAsync(LoomDb db, WorldExportRecord record, string keyId, CancellationToken ct)
    {
        var earlier = await db.Set<WorldExportRecord>().AsNoTracking()
            .Where(e => e.Id != record.Id && e.WorldHash == record.WorldHash && e.Engines == record.Engines && e.KeyId == keyId && e.Status == ExportStatus.Ready)
            .OrderByDescending(e => e.FinishedAt).FirstOrDefaultAsync(ct);
        return earlier?.BundleSha256 is { } sha && await blobs.ExistsAsync(sha, ct) ? earlier : null;
    }

    private async Task FinishAsync(
        LoomDb db, WorldExportRecord record, string sha256, long size, int files, string keyId, IReadOnlyList<EngineState> engines, CancellationToken ct)
    {
        record.Status = ExportStatus.Ready;
        record.BundleSha256 = sha256;
        record.BundleSize = size;
        record.FileCount = files;
        record.KeyId = keyId;
        record.EnginesJson = ExportProgress.ToJson(engines);
        record.Error = null;
        record.FinishedAt = clock.GetUtcNow();
        // The progress loop wrote EnginesJson behind the tracker's back; this save must overwrite it, not skip it.
        db.Entry(record).Property(e => e.EnginesJson).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    private async Task FailAsync(LoomDb db, WorldExportRecord record, string error)
    {
        record.Status = ExportStatus.Failed;
        record.Error = error.Length > 2000 ? error[..2000] : error;
        record.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Result(WorldExportRecord record, bool reused) =>
        JsonSerializer.Serialize(new { exportId = record.Id, bundle = record.BundleSha256, size = record.BundleSize, reused }, JsonSerializerOptions.Web);
}
