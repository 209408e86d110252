using System.Collections.Concurrent;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines;

/// <summary>
/// A world being exported, with the assets several exporters share (tile grid, biome tileset, resampled heightmaps,
/// layer pictures) computed once on first use. Thread-safe: exporters of one bundle may run in parallel.
/// </summary>
public sealed class ExportSource
{
    private readonly Lazy<ExportGrid> _grid;
    private readonly Lazy<BiomeTileset> _tileset;
    private readonly ConcurrentDictionary<(int Width, int Height), Lazy<ushort[]>> _heights = new();
    private readonly ConcurrentDictionary<(int Width, int Height), Lazy<byte[]>> _heightPngs = new();
    private readonly ConcurrentDictionary<MapLayer, Lazy<byte[]>> _layers = new();

    /// <summary>Wraps a complete world (every stage run) and its canonical document.</summary>
    /// <param name="world">The world.</param>
    /// <param name="document">Its canonical document (<see cref="WorldDocument.Write"/>); its SHA-256 is the world's hash.</param>
    public ExportSource(ForgeWorld world, ReadOnlyMemory<byte> document)
    {
        ArgumentNullException.ThrowIfNull(world);
        World = world;
        Document = document;
        Hash = WorldDocument.Hash(document.Span);
        Heightmap = ForgeWorld.Require(world.Heightmap, "heightmap");
        Biomes = ForgeWorld.Require(world.Biomes, "biomes");
        Hydrology = ForgeWorld.Require(world.Hydrology, "hydrology");
        _grid = new Lazy<ExportGrid>(() => new ExportGrid(Biomes));
        _tileset = new Lazy<BiomeTileset>(BiomeTileset.Create);
    }

    /// <summary>The world.</summary>
    public ForgeWorld World { get; }

    /// <summary>The canonical world document.</summary>
    public ReadOnlyMemory<byte> Document { get; }

    /// <summary>The document's SHA-256, lower-case hex: the world's name.</summary>
    public string Hash { get; }

    /// <summary>The world's heightmap.</summary>
    public Heightmap Heightmap { get; }

    /// <summary>The world's biomes.</summary>
    public BiomeMap Biomes { get; }

    /// <summary>The world's rivers and lakes.</summary>
    public Hydrology Hydrology { get; }

    /// <summary>The tile grid tile-based engines share (Tiled, Godot, GameMaker, Defold).</summary>
    public ExportGrid Grid => _grid.Value;

    /// <summary>The biome tileset those engines share: one tile per biome, tile index = biome number.</summary>
    public BiomeTileset Tileset => _tileset.Value;

    /// <summary>
    /// The heightmap resampled (bilinear, integer arithmetic) to <paramref name="width"/> × <paramref name="height"/>,
    /// row-major, north row first; corners map to corners. Shared: do not modify the array.
    /// </summary>
    public ushort[] Heights(int width, int height) =>
        _heights.GetOrAdd((width, height), size => new Lazy<ushort[]>(() => HeightResampler.Resample(Heightmap, size.Width, size.Height))).Value;

    /// <summary>The resampled heightmap as a 16-bit grayscale PNG (0 = lowest, 65535 = highest). Shared: do not modify.</summary>
    public byte[] HeightPng(int width, int height) =>
        _heightPngs.GetOrAdd((width, height), size => new Lazy<byte[]>(() => PngEncoder.EncodeGray16(size.Width, size.Height, Heights(size.Width, size.Height)))).Value;

    /// <summary>A full-size map layer as an RGBA PNG (as <c>loom world render</c> draws it). Shared: do not modify.</summary>
    public byte[] LayerPng(MapLayer layer) =>
        _layers.GetOrAdd(layer, l => new Lazy<byte[]>(() => PngEncoder.Encode(MapRenderer.Render(World, l)))).Value;

    /// <summary>The height of a world cell above sea level in 0..65535 units, 0 at or below sea level.</summary>
    public int HeightAboveSea(GridPoint cell) => Math.Max(0, Heightmap[cell.X, cell.Y] - Heightmap.SeaLevel);
}
