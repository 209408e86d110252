namespace Worldloom.Forge.Export.Bundles;

/// <summary>The outcome of checking a bundle.</summary>
/// <param name="Manifest">The manifest, when one could be read.</param>
/// <param name="Problems">Everything found wrong, in a stable order; empty when the bundle is valid.</param>
public sealed record BundleVerification(BundleManifest? Manifest, IReadOnlyList<BundleProblem> Problems)
{
    /// <summary>True when nothing is wrong: the signature matches and every file is exactly as listed.</summary>
    public bool Valid => Problems.Count == 0 && Manifest is not null;

    /// <summary>The signing key's id, when a manifest could be read.</summary>
    public string? KeyId => Manifest?.KeyId;
}
