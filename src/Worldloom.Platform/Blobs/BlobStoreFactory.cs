using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Worldloom.Platform.Hosting;

namespace Worldloom.Platform.Blobs;

/// <summary>Builds the configured <see cref="IBlobStore"/>: <c>Loom:Blobs:Provider</c> picks the implementation.</summary>
internal static class BlobStoreFactory
{
    public static IBlobStore Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BlobStoreOptions>>().Value;
        var dataDir = services.GetRequiredService<IOptions<PlatformOptions>>().Value.DataDir;
        var clock = services.GetRequiredService<LoomClock>();
        return options.IsS3
            ? new S3BlobStore(options, Path.Combine(dataDir, "tmp", "s3-blobs"), clock)
            : new FileSystemBlobStore(Path.Combine(dataDir, options.Directory), options.MaxBlobBytes, clock, options.OrphanGracePeriod / 2);
    }
}
