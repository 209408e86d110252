namespace Worldloom.Platform.Blobs;

/// <summary>A blob as <see cref="IBlobStore.ListAsync"/> reports it.</summary>
/// <param name="Sha256">64 lowercase hex characters.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="LastPut">
/// When the bytes were last put: the first upload, or a later put of the same bytes that refreshed it (see
/// <see cref="IBlobStore.PutAsync"/>). The sweep of unreferenced blobs spares everything put since its cutoff.
/// </param>
public sealed record StoredBlob(string Sha256, long Size, DateTimeOffset LastPut);
