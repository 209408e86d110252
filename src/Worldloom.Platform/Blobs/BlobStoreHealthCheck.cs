using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Worldloom.Platform.Blobs;

/// <summary>Can the blob store keep a blob and give the same bytes back?</summary>
internal sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    // Content-addressed, so every check writes the same one tiny blob, stored once; it is left in place because
    // deleting it could race with another check that has just put it.
    private static readonly byte[] Probe = "worldloom/health"u8.ToArray();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var source = new MemoryStream(Probe, writable: false);
            var blob = await blobs.PutAsync(source, "application/octet-stream", cancellationToken);
            await using var stream = await blobs.OpenAsync(blob.Sha256, cancellationToken);
            if (stream is null)
            {
                return HealthCheckResult.Unhealthy("The probe blob was stored but cannot be found.");
            }

            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return copy.ToArray().AsSpan().SequenceEqual(Probe)
                ? HealthCheckResult.Healthy(Describe())
                : HealthCheckResult.Unhealthy("The probe blob came back different.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The blob store cannot store and read a blob.", e);
        }
    }

    private string Describe() => blobs is S3BlobStore s3 ? $"{nameof(S3BlobStore)}, bucket {s3.Bucket}" : blobs.GetType().Name;
}
