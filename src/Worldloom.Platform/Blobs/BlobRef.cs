namespace Worldloom.Platform.Blobs;

/// <summary>Names a stored blob: the lowercase hex SHA-256 of its bytes, and their count.</summary>
/// <param name="Sha256">64 lowercase hex characters.</param>
/// <param name="Size">Length in bytes.</param>
public sealed record BlobRef(string Sha256, long Size);
