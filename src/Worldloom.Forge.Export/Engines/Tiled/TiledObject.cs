namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>A point object, or a polyline object when <see cref="Polyline"/> is set.</summary>
/// <param name="Id">Map-wide unique object id, from 1.</param>
/// <param name="Name">Shown in Tiled's objects list.</param>
/// <param name="Type">Tiled 1.8's object type (later versions call it class).</param>
/// <param name="Position">Where the point is, or where the polyline starts, in map pixels.</param>
/// <param name="Polyline">Vertices relative to <paramref name="Position"/>, the first (0, 0); null for a point.</param>
/// <param name="Properties">Custom properties, in a fixed order.</param>
internal sealed record TiledObject(
    int Id,
    string Name,
    string Type,
    TiledPoint Position,
    IReadOnlyList<TiledPoint>? Polyline,
    IReadOnlyList<TiledProperty> Properties);
