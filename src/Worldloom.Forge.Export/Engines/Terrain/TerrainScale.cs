namespace Worldloom.Forge.Export.Engines.Terrain;

/// <summary>
/// The physical scale the 3D exports (Unity, Unreal, Blender) share, so a world has the same size in each: cell
/// centres <see cref="MetresPerCell"/> apart, and elevation units of 1/<see cref="UnitsPerMetre"/> m, so the whole
/// 0..65535 range spans <see cref="HeightRangeMetres"/> m. Powers of two keep every derived scale an exact decimal
/// (Unreal's Z scale is 200, a unit is 1.5625 cm). A terrain spans from the centre of the first cell to the centre of
/// the last, which is where <see cref="ExportSource.Heights"/> puts its corner samples.
/// </summary>
internal static class TerrainScale
{
    /// <summary>Metres between the centres of neighbouring cells.</summary>
    public const int MetresPerCell = 20;

    /// <summary>Elevation units per metre.</summary>
    public const int UnitsPerMetre = 64;

    /// <summary>The height of the whole elevation range (65536 units) in metres.</summary>
    public const int HeightRangeMetres = 65536 / UnitsPerMetre;

    /// <summary>The length in metres of a terrain side <paramref name="cells"/> cells long.</summary>
    public static int SpanMetres(int cells) => (cells - 1) * MetresPerCell;

    /// <summary>Elevation units as metres, exact (six decimals hold any multiple of 1/64).</summary>
    public static string Metres(long units) => DecimalText.Of(units, UnitsPerMetre, 6);

    /// <summary>An elevation as metres above sea level (negative below it), exact.</summary>
    public static string MetresAboveSea(int elevation, int seaLevel) => Metres(elevation - seaLevel);
}
