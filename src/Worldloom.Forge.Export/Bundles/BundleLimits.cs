namespace Worldloom.Forge.Export.Bundles;

/// <summary>
/// What the verifier refuses to unpack, so a hostile ZIP (a zip bomb, a million entries) cannot exhaust the machine
/// that checks it. The defaults are far above any bundle a 4096² world makes.
/// </summary>
public sealed record BundleLimits
{
    /// <summary>Most entries.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Largest single file, uncompressed.</summary>
    public long MaxEntryBytes { get; init; } = 1L << 30;

    /// <summary>Largest sum of all files, uncompressed.</summary>
    public long MaxTotalBytes { get; init; } = 4L << 30;

    /// <summary>Highest uncompressed : compressed ratio of one entry (deflate peaks near 1032 : 1 on bomb input).</summary>
    public int MaxRatio { get; init; } = 250;

    /// <summary>Entries smaller than this uncompressed are not held to <see cref="MaxRatio"/> (a small blank file packs very well).</summary>
    public long RatioFloorBytes { get; init; } = 1L << 20;

    /// <summary>Largest <c>manifest.json</c>.</summary>
    public long MaxManifestBytes { get; init; } = 16L << 20;
}
