namespace Worldloom.Forge.Core.World;

/// <summary>A cell of the world grid: column <paramref name="X"/> (west to east), row <paramref name="Y"/> (north to south).</summary>
/// <param name="X">Column, 0 at the west edge.</param>
/// <param name="Y">Row, 0 at the north edge.</param>
public readonly record struct GridPoint(int X, int Y);
