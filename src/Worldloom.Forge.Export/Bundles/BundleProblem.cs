namespace Worldloom.Forge.Export.Bundles;

/// <summary>One thing wrong with a bundle.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Path">The file it concerns, if any.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record BundleProblem(BundleProblemKind Kind, string? Path, string Message);
