using System.Globalization;
using System.Text.Json;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Unreal;

/// <summary>
/// The Unreal Landscape: size, scale and placement, the 16-bit heightmap and the weight layers. Unreal maps heightmap
/// value v to (v − 32768) × ZScale / 128 cm above the actor, so <see cref="ZScale"/> 200 makes a unit 1.5625 cm, the
/// 1/64 m of <see cref="TerrainScale"/>; the actor's Z puts sea level at Z = 0. Image columns run along +X and rows
/// along +Y, so the actor sits at the world's north-west corner and south is +Y.
/// </summary>
internal sealed class UnrealLandscape
{
    /// <summary>The heightmap's path in the export.</summary>
    public const string HeightmapPath = "Landscape/heightmap.png";

    /// <summary>Unreal's Z scale for the 1/64 m elevation unit: 100 cm/m × 128 / 64.</summary>
    public const int ZScale = 100 * 128 / TerrainScale.UnitsPerMetre;

    /// <summary>Quads per section, and sections per component side, of the suggested component layout.</summary>
    public const int SectionQuads = 63;

    /// <inheritdoc cref="SectionQuads"/>
    public const int SectionsPerComponent = 2;

    // Sizes Epic recommends ("Landscape Technical Guide"): whole components of 2×2 sections of 63 quads, plus one.
    private static readonly int[] Sizes = [505, 1009, 2017, 4033];

    private readonly byte[][] _weights;

    public UnrealLandscape(ExportSource source)
    {
        Source = source;
        Resolution = ResolutionFor(Math.Max(source.Heightmap.Width, source.Heightmap.Height));
        _weights = BiomeWeights.Sample(source.Biomes, Resolution, Resolution);
        Layers = [.. Enumerable.Range(0, BiomeGroups.Count).Where(g => _weights[g].AsSpan().ContainsAnyExcept((byte)0))];
    }

    public ExportSource Source { get; }

    /// <summary>Vertices per side.</summary>
    public int Resolution { get; }

    /// <summary>The biome groups present, each a weight layer.</summary>
    public IReadOnlyList<int> Layers { get; }

    /// <summary>Centimetres per quad along X (west to east), exact.</summary>
    public string ScaleX => DecimalText.Of(TerrainScale.SpanMetres(Source.Heightmap.Width) * 100L, Resolution - 1);

    /// <summary>Centimetres per quad along Y (north to south), exact.</summary>
    public string ScaleY => DecimalText.Of(TerrainScale.SpanMetres(Source.Heightmap.Height) * 100L, Resolution - 1);

    /// <summary>The actor's Z in cm that puts sea level at Z = 0.</summary>
    public string LocationZ => DecimalText.Of((32768L - Source.Heightmap.SeaLevel) * ZScale, 128);

    /// <summary>Components per side in the suggested layout.</summary>
    public int Components => (Resolution - 1) / (SectionQuads * SectionsPerComponent);

    /// <summary>
    /// The smallest recommended size that holds <paramref name="side"/> less 1/32, or the largest. The slack lets a
    /// 1024-cell world use 1009 (1.5 % fewer samples) instead of 2017, which would quadruple the heightmap and every
    /// weight layer with interpolated samples only.
    /// </summary>
    public static int ResolutionFor(int side) => Sizes.FirstOrDefault(size => size >= side - (side / 32), Sizes[^1]);

    /// <summary>The path of group <paramref name="group"/>'s weight layer.</summary>
    public static string WeightPath(int group) => $"Landscape/weight_{BiomeGroups.Names[group]}.png";

    /// <summary>The heightmap as a 16-bit greyscale PNG, north row at the top.</summary>
    public byte[] Heightmap() => Source.HeightPng(Resolution, Resolution);

    /// <summary>A weight layer as an 8-bit greyscale PNG: 255 where the group covers the ground, 0 where it is absent.</summary>
    public byte[] Weights(int group) => PngEncoder.EncodeGray8(Resolution, Resolution, _weights[group]);

    /// <summary>A world cell's position relative to the landscape actor, in cm: X east, Y south, Z above sea level.</summary>
    public (long X, long Y, string Z) Position(int column, int row)
    {
        long cm = TerrainScale.MetresPerCell * 100;
        var elevation = Source.Heightmap[column, row] - Source.Heightmap.SeaLevel;
        return (column * cm, row * cm, DecimalText.Of(elevation * 100L, TerrainScale.UnitsPerMetre));
    }

    /// <summary>Writes <c>landscape.json</c>: everything the README's import steps ask for, for tools.</summary>
    public void WriteJson(Utf8JsonWriter json, IEnumerable<string> dataTables)
    {
        json.WriteStartObject();
        json.WriteString("world", Source.Hash);
        json.WriteString("seed", Source.World.Seed.Text);
        json.WriteString("heightmap", HeightmapPath);
        json.WriteNumber("resolution", Resolution);
        json.WriteStartObject("scale");
        json.WritePropertyName("x");
        json.WriteRawValue(ScaleX);
        json.WritePropertyName("y");
        json.WriteRawValue(ScaleY);
        json.WriteNumber("z", ZScale);
        json.WriteEndObject();
        json.WriteStartObject("location");
        json.WriteNumber("x", 0);
        json.WriteNumber("y", 0);
        json.WritePropertyName("z");
        json.WriteRawValue(LocationZ);
        json.WriteEndObject();
        json.WriteNumber("sectionQuads", SectionQuads);
        json.WriteNumber("sectionsPerComponent", SectionsPerComponent);
        json.WriteNumber("components", Components);
        json.WriteNumber("seaLevel", Source.Heightmap.SeaLevel);
        json.WriteNumber("metresPerCell", TerrainScale.MetresPerCell);
        json.WriteNumber("heightRangeMetres", TerrainScale.HeightRangeMetres);
        json.WriteNumber("worldWidth", Source.Heightmap.Width);
        json.WriteNumber("worldHeight", Source.Heightmap.Height);
        json.WriteStartArray("layers");
        foreach (var group in Layers)
        {
            json.WriteStartObject();
            json.WriteString("name", BiomeGroups.Names[group]);
            json.WriteString("file", WeightPath(group));
            json.WriteString("colour", "#" + BiomeGroups.Colour(group).ToString("X6", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("dataTables");
        foreach (var table in dataTables)
        {
            json.WriteStringValue(table);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
