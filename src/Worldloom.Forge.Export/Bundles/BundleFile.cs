namespace Worldloom.Forge.Export.Bundles;

/// <summary>One file of a bundle.</summary>
/// <param name="Path">Its path inside the bundle: forward slashes, relative, no <c>..</c> (e.g. <c>tiled/world.tmx</c>).</param>
/// <param name="Content">Its bytes.</param>
public sealed record BundleFile(string Path, byte[] Content);
