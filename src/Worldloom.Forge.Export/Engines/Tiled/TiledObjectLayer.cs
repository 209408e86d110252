namespace Worldloom.Forge.Export.Engines.Tiled;

/// <summary>An object layer (objectgroup).</summary>
internal sealed record TiledObjectLayer(int Id, string Name, IReadOnlyList<TiledObject> Objects);
