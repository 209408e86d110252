namespace Worldloom.Platform.Blobs;

/// <summary>Body of <c>POST /api/admin/blobs/sweep</c>, and the input of its job.</summary>
/// <param name="DryRun">Count the orphans and delete nothing (default false).</param>
public sealed record BlobSweepRequest(bool? DryRun);
