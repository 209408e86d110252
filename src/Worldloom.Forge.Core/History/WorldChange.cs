namespace Worldloom.Forge.Core.History;

/// <summary>One difference between two versions of a world.</summary>
/// <param name="Kind">What changed, e.g. <c>settlement.renamed</c>; the key of <see cref="WorldDiff.Counts"/>.</param>
/// <param name="Subject">The id of the thing that changed (or a cell for cell-level changes).</param>
/// <param name="Text">The change in words, e.g. <c>Settlement "Vikheim" renamed to "Northwatch".</c></param>
public sealed record WorldChange(string Kind, string Subject, string Text);
