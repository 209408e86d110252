using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Unity;

/// <summary>
/// The Unity terrain's heightmap: <c>Terrain/heightmap.raw</c> and the numbers <c>terrain.json</c> gives the importer.
/// Unity terrains are square grids of 2^n+1 samples; the world is resampled to the smallest that holds its longer side.
/// </summary>
internal sealed class UnityTerrain
{
    /// <summary>The heightmap's path in the export.</summary>
    public const string RawPath = "Terrain/heightmap.raw";

    /// <summary>Smallest and largest heightmap resolutions Unity takes.</summary>
    public const int MinResolution = 33;

    /// <inheritdoc cref="MinResolution"/>
    public const int MaxResolution = 4097;

    public UnityTerrain(ExportSource source)
    {
        Source = source;
        Resolution = ResolutionFor(Math.Max(source.Heightmap.Width, source.Heightmap.Height));
    }

    public ExportSource Source { get; }

    /// <summary>Samples per side: 2^n+1.</summary>
    public int Resolution { get; }

    /// <summary>The terrain's width (x, west to east) in metres.</summary>
    public int SizeX => TerrainScale.SpanMetres(Source.Heightmap.Width);

    /// <summary>The terrain's length (z, south to north) in metres.</summary>
    public int SizeZ => TerrainScale.SpanMetres(Source.Heightmap.Height);

    /// <summary>The smallest 2^n+1 from 33 to 4097 at least <paramref name="side"/>, or 4097.</summary>
    public static int ResolutionFor(int side)
    {
        var resolution = MinResolution;
        while (resolution < side && resolution < MaxResolution)
        {
            resolution = ((resolution - 1) * 2) + 1;
        }

        return resolution;
    }

    /// <summary>
    /// The samples as 16-bit little-endian, the south row first: Unity's Import Raw (byte order Windows, Flip
    /// Vertically off) and TerrainData.SetHeights both put row 0 at z = 0, so north lands at +z.
    /// </summary>
    public byte[] Raw()
    {
        var n = Resolution;
        var heights = Source.Heights(n, n);
        var raw = new byte[n * n * 2];
        for (var row = 0; row < n; row++)
        {
            var from = heights.AsSpan((n - 1 - row) * n, n);
            var to = raw.AsSpan(row * n * 2, n * 2);
            for (var x = 0; x < n; x++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(to[(x * 2)..], from[x]);
            }
        }

        return raw;
    }

    /// <summary>Where a world cell lies on the terrain, in metres: x east from the west edge, z north from the south edge.</summary>
    public (int X, int Z) Position(int column, int row) =>
        (column * TerrainScale.MetresPerCell, (Source.Heightmap.Height - 1 - row) * TerrainScale.MetresPerCell);

    /// <summary>Writes <c>terrain.json</c>, laid out for Unity's JsonUtility (an object of plain fields).</summary>
    public void WriteJson(Utf8JsonWriter json, UnitySplatMaps splat)
    {
        var sea = Source.Heightmap.SeaLevel;
        json.WriteStartObject();
        json.WriteString("world", Source.Hash);
        json.WriteString("seed", Source.World.Seed.Text);
        json.WriteString("heightmap", RawPath);
        json.WriteString("heightmapFormat", "16-bit unsigned little-endian, south row first; value / 65536 × height = metres above the terrain's base");
        json.WriteNumber("heightmapResolution", Resolution);
        json.WriteNumber("sizeX", SizeX);
        json.WriteNumber("sizeZ", SizeZ);
        json.WriteNumber("height", TerrainScale.HeightRangeMetres);
        json.WriteNumber("seaLevel", sea);
        json.WritePropertyName("seaLevelMetres");
        json.WriteRawValue(TerrainScale.Metres(sea));
        json.WriteNumber("metresPerCell", TerrainScale.MetresPerCell);
        json.WriteNumber("worldWidth", Source.Heightmap.Width);
        json.WriteNumber("worldHeight", Source.Heightmap.Height);
        json.WriteNumber("alphamapResolution", splat.Resolution);
        json.WriteStartArray("splatMaps");
        for (var i = 0; i < UnitySplatMaps.Images; i++)
        {
            json.WriteStringValue(UnitySplatMaps.PathOf(i));
        }

        json.WriteEndArray();
        json.WriteStartArray("layers");
        for (var group = 0; group < BiomeGroups.Count; group++)
        {
            json.WriteStartObject();
            json.WriteString("name", BiomeGroups.Names[group]);
            json.WriteString("colour", "#" + BiomeGroups.Colour(group).ToString("X6", CultureInfo.InvariantCulture));
            json.WriteNumber("splatMap", group / UnitySplatMaps.ChannelsPerImage);
            json.WriteNumber("channel", group % UnitySplatMaps.ChannelsPerImage);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
