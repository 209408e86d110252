namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>A position in map pixels (x east, y south), or a polyline vertex relative to its object.</summary>
internal readonly record struct TiledPoint(int X, int Y);
