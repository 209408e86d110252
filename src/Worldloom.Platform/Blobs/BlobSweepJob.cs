using System.Text.Json;
using Worldloom.Platform.Jobs;

namespace Worldloom.Platform.Blobs;

/// <summary><c>blobs.sweep</c>: one <see cref="BlobSweep"/> as a job, with progress; its result is the <see cref="BlobSweepReport"/>.</summary>
public sealed class BlobSweepJob(BlobSweep sweep) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string KindName = "blobs.sweep";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var input = JsonSerializer.Deserialize<BlobSweepRequest>(run.Input, JsonSerializerOptions.Web);
        var report = await sweep.RunAsync(input?.DryRun ?? false, run.ReportAsync, cancellationToken);
        return JsonSerializer.Serialize(report, JsonSerializerOptions.Web);
    }
}
