namespace Worldloom.Platform.Blobs;

/// <summary>What one sweep of unreferenced blobs found and did.</summary>
/// <param name="DryRun">Whether it only counted: nothing was deleted.</param>
/// <param name="Cutoff">Blobs last put before this were old enough to go.</param>
/// <param name="Stored">Blobs listed in the store.</param>
/// <param name="Referenced">Distinct hashes the modules' rows name.</param>
/// <param name="Orphans">Stored blobs old enough and named by no row.</param>
/// <param name="OrphanBytes">Their total size.</param>
/// <param name="Deleted">Orphans removed (zero in a dry run; fewer than <paramref name="Orphans"/> when one was put again meanwhile).</param>
/// <param name="DeletedBytes">Bytes those held.</param>
public sealed record BlobSweepReport(
    bool DryRun, DateTimeOffset Cutoff, int Stored, int Referenced, int Orphans, long OrphanBytes, int Deleted, long DeletedBytes);
