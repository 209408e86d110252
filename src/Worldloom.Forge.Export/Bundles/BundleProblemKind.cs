namespace Worldloom.Forge.Export.Bundles;

/// <summary>What is wrong with a bundle.</summary>
public enum BundleProblemKind
{
    /// <summary>Refused before unpacking: a zip-slip path, a repeated entry, an oversized entry or an absurd compression ratio.</summary>
    Unsafe,

    /// <summary>Not a ZIP, or no readable manifest.</summary>
    Malformed,

    /// <summary>The signature is missing or does not match the manifest and its key.</summary>
    Signature,

    /// <summary>Validly signed, but by a key other than the one(s) the caller trusts.</summary>
    UntrustedKey,

    /// <summary>A listed file whose bytes differ from the manifest.</summary>
    Changed,

    /// <summary>A file the manifest does not list.</summary>
    Added,

    /// <summary>A listed file that is not in the bundle.</summary>
    Missing,
}
