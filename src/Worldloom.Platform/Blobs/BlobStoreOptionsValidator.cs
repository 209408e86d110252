using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Worldloom.Platform.Blobs;

/// <summary>Rejects blob settings that could only fail later, at the first upload, with the setting that is wrong.</summary>
internal sealed partial class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options)
    {
        var failures = new List<string>();
        if (!options.IsS3 && !string.Equals(options.Provider, BlobStoreOptions.FileSystemProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Loom:Blobs:Provider is '{options.Provider}'; it must be '{BlobStoreOptions.FileSystemProvider}' or '{BlobStoreOptions.S3Provider}'.");
        }

        if (!options.IsS3 && string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add("Loom:Blobs:Directory must name a folder (absolute, or relative to the data dir) when Provider is filesystem.");
        }

        if (options.MaxBlobBytes <= 0)
        {
            failures.Add("Loom:Blobs:MaxBlobBytes must be positive.");
        }

        if (options.OrphanGracePeriod < TimeSpan.FromMinutes(1))
        {
            failures.Add("Loom:Blobs:OrphanGracePeriod must be at least one minute (00:01:00): a blob is stored before the row that names it.");
        }

        if (options.OrphanSweepInterval < TimeSpan.Zero)
        {
            failures.Add("Loom:Blobs:OrphanSweepInterval must be zero (off) or positive.");
        }

        if (options.IsS3)
        {
            if (!S3Endpoint.TryParse(options.Endpoint, options.UseSsl, out _))
            {
                failures.Add("Loom:Blobs:Endpoint must be host[:port] or an http(s) URL with no path when Provider is s3.");
            }

            if (!BucketName().IsMatch(options.Bucket))
            {
                failures.Add("Loom:Blobs:Bucket must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.");
            }

            if (string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
            {
                failures.Add("Loom:Blobs:AccessKey and Loom:Blobs:SecretKey are required when Provider is s3.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
