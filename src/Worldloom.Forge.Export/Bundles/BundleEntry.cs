namespace Worldloom.Forge.Export.Bundles;

/// <summary>One file as the manifest lists it.</summary>
/// <param name="Path">Its path in the bundle.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record BundleEntry(string Path, long Size, string Sha256);
