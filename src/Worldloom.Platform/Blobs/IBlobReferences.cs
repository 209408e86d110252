namespace Worldloom.Platform.Blobs;

/// <summary>
/// Which blobs some rows name; every module that stores blobs registers one per column that holds their hashes
/// (<see cref="BlobColumnExtensions.AddBlobColumn"/>). <see cref="BlobSweep"/> deletes what no source lists, so a
/// module that stores blobs without a source here loses them one grace period after their last put.
/// </summary>
/// <remarks>
/// A module may write a row naming a hash without putting it only when another listed row already names that hash
/// (a realm naming its world's document, say); any other new reference must be preceded by a put, which refreshes the
/// blob's time (see <see cref="IBlobStore.PutAsync"/>).
/// </remarks>
public interface IBlobReferences
{
    /// <summary>Every blob hash the module's rows name, duplicates allowed; values that are not hashes are ignored.</summary>
    IAsyncEnumerable<string> HashesAsync(CancellationToken cancellationToken);
}
