namespace Worldloom.Forge.Core.World;

/// <summary>The range a heritable gene may take in one species (integers; breeding picks within it).</summary>
/// <param name="Name">Gene name (e.g. size, speed, colour_hue).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record GeneRange(string Name, int Min, int Max);
