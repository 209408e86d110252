using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// The canonical JSON document of a whole world (layout in docs/forge.md, "World document"): seed, parameters,
/// overrides, every layer as base64 of its canonical bytes, and every list. The SHA-256 of these bytes is the world's
/// name (<see cref="Hash"/>), so the writer is byte-exact: keys in JCS order, integers only, lists in id order, a field
/// that is null left out. <see cref="Read"/> takes back exactly what <see cref="Write"/> gives, and rejects anything
/// malformed or self-contradictory with a <see cref="WorldDocumentException"/> naming the JSON path.
/// </summary>
public static partial class WorldDocument
{
    /// <summary>The value of the <c>format</c> field; a reader refuses any other.</summary>
    public const string Format = "worldloom.world/1";

    /// <summary>The canonical bytes of <paramref name="world"/> with <paramref name="overrides"/> (in the order applied).</summary>
    public static byte[] Write(ForgeWorld world, IReadOnlyList<WorldOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(overrides);
        var buffer = new ArrayBufferWriter<byte>(EstimateSize(world));
        var w = new CanonicalJsonWriter(buffer);
        w.StartObject();
        w.Name("bestiary");
        List(w, world.Bestiary, WriteSpecies);
        w.Name("factions");
        List(w, world.Factions, WriteFaction);
        w.Name("format");
        w.String(Format);
        w.Name("generator");
        w.String(WorldPipeline.GeneratorVersion);
        w.Name("lakes");
        List(w, world.Hydrology?.Lakes ?? [], WriteLake);
        w.Name("layers");
        WriteLayers(w, world);
        w.Name("npcs");
        List(w, world.Npcs, WriteNpc);
        w.Name("overrides");
        List(w, overrides, WorldOverrideJson.Write);
        w.Name("parameters");
        WriteParameters(w, world.Parameters);
        w.Name("pointsOfInterest");
        List(w, world.PointsOfInterest, WritePointOfInterest);
        w.Name("regions");
        List(w, world.Regions, WriteRegion);
        w.Name("rivers");
        List(w, world.Hydrology?.Rivers ?? [], WriteRiver);
        w.Name("roads");
        List(w, world.Roads, WriteRoad);
        if (world.Heightmap is { } heightmap)
        {
            w.Name("seaLevel");
            w.Integer(heightmap.SeaLevel);
        }

        w.Name("seed");
        w.StartObject();
        w.Name("kind");
        w.String(world.Seed.Integer is null ? "string" : "integer");
        w.Name("text");
        w.String(world.Seed.Text);
        w.EndObject();
        w.Name("settlements");
        List(w, world.Settlements, WriteSettlement);
        w.Name("summary");
        WorldSummary.From(world).Write(w);
        w.EndObject();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The world's name: the lower-case hex SHA-256 of its canonical document.</summary>
    public static string Hash(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    /// <summary>Writes <paramref name="parameters"/> as the <c>parameters</c> object (camelCase fields, preset by wire name).</summary>
    public static void WriteParameters(CanonicalJsonWriter w, WorldParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(parameters);
        w.StartObject();
        Int(w, "factionCount", parameters.FactionCount);
        Int(w, "height", parameters.Height);
        Int(w, "moistureBias", parameters.MoistureBias);
        w.Name("preset");
        w.String(WorldPresetNames.ToName(parameters.Preset));
        Int(w, "roughness", parameters.Roughness);
        Int(w, "seaLevel", parameters.SeaLevel);
        Int(w, "settlementDensity", parameters.SettlementDensity);
        Int(w, "temperatureBias", parameters.TemperatureBias);
        Int(w, "width", parameters.Width);
        w.EndObject();
    }

    private static void WriteLayers(CanonicalJsonWriter w, ForgeWorld world)
    {
        w.StartObject();
        if (world.Biomes is { } biomes)
        {
            Check(world, biomes.Width, biomes.Height, "biome map");
            Layer(w, "biomes", LayerEncoding.U8, world, biomes.Cells);
        }

        if (world.Hydrology is { } hydrology)
        {
            Check(world, hydrology.Width, hydrology.Height, "hydrology");
            Layer(w, "flow", LayerEncoding.U32, world, IntBytes(hydrology.Flow, "flow"));
        }

        if (world.Heightmap is { } heightmap)
        {
            Check(world, heightmap.Width, heightmap.Height, "heightmap");
            Layer(w, "height", LayerEncoding.U16, world, LittleEndian(heightmap.Cells));
        }

        if (world.Hydrology is { } lakes)
        {
            Layer(w, "lakes", LayerEncoding.U32, world, IntBytes(lakes.LakeCells, "lake"));
        }

        if (world.Climate is { } climate)
        {
            Check(world, climate.Width, climate.Height, "climate map");
            Layer(w, "moisture", LayerEncoding.U8, world, climate.Moisture);
        }

        if (world.RegionMap is { } regions)
        {
            Check(world, regions.Width, regions.Height, "region map");
            Layer(w, "regions", LayerEncoding.U32, world, IntBytes(regions.Cells, "region"));
        }

        if (world.Climate is { } temperature)
        {
            Layer(w, "temperature", LayerEncoding.I8, world, MemoryMarshal.AsBytes(temperature.Temperature));
        }

        w.EndObject();
    }

    private static void Layer(CanonicalJsonWriter w, string name, string encoding, ForgeWorld world, ReadOnlySpan<byte> data)
    {
        w.Name(name);
        w.StartObject();
        w.Name("data");
        w.Base64String(data);
        w.Name("encoding");
        w.String(encoding);
        Int(w, "height", world.Height);
        Int(w, "width", world.Width);
        w.EndObject();
    }

    private static void Check(ForgeWorld world, int width, int height, string layer)
    {
        if (width != world.Width || height != world.Height)
        {
            throw new ArgumentException($"The {layer} is {width}×{height} but the world is {world.Width}×{world.Height}.", nameof(world));
        }
    }

    // Canonical layer bytes are little-endian; on a little-endian machine (every .NET target in practice) the cells
    // already are, so they are written without a copy.
    private static ReadOnlySpan<byte> LittleEndian(ReadOnlySpan<ushort> cells)
    {
        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.AsBytes(cells);
        }

        var bytes = new byte[cells.Length * 2];
        for (var i = 0; i < cells.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), cells[i]);
        }

        return bytes;
    }

    private static ReadOnlySpan<byte> IntBytes(ReadOnlySpan<int> cells, string layer)
    {
        if (cells.IndexOfAnyInRange(int.MinValue, -1) is var negative and >= 0)
        {
            throw new ArgumentException($"The {layer} layer holds {cells[negative]} at cell {negative}; it is written as an unsigned 32-bit value.");
        }

        if (BitConverter.IsLittleEndian)
        {
            return MemoryMarshal.AsBytes(cells);
        }

        var bytes = new byte[cells.Length * 4];
        for (var i = 0; i < cells.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), cells[i]);
        }

        return bytes;
    }

    private static int EstimateSize(ForgeWorld world)
    {
        long cells = (long)world.Width * world.Height;
        long bytesPerCell = (world.Heightmap is null ? 0 : 2) + (world.Climate is null ? 0 : 2) + (world.Biomes is null ? 0 : 1)
            + (world.Hydrology is null ? 0 : 8) + (world.RegionMap is null ? 0 : 4);
        long lists = 256L * (world.Settlements.Count + world.Roads.Count + world.Npcs.Count + world.PointsOfInterest.Count + world.Bestiary.Count)
            + (16L * world.Roads.Sum(r => (long)r.Path.Count)) + (16L * (world.Hydrology?.Rivers.Sum(r => (long)r.Path.Count) ?? 0));
        return (int)Math.Min(Array.MaxLength, (cells * bytesPerCell * 4 / 3) + lists + 65536);
    }

    private static void List<T>(CanonicalJsonWriter w, IReadOnlyList<T> items, Action<CanonicalJsonWriter, T> write)
    {
        w.StartArray();
        foreach (var item in items)
        {
            write(w, item);
        }

        w.EndArray();
    }

    private static void Int(CanonicalJsonWriter w, string name, long value)
    {
        w.Name(name);
        w.Integer(value);
    }

    private static void Str(CanonicalJsonWriter w, string name, string value)
    {
        w.Name(name);
        w.String(value);
    }

    private static void OptionalStr(CanonicalJsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            Str(w, name, value);
        }
    }

    private static void Point(CanonicalJsonWriter w, string name, GridPoint point)
    {
        w.Name(name);
        WorldOverrideJson.WritePoint(w, point);
    }

    // Paths are flat [x0,y0,x1,y1,...]: a 2048² world has tens of thousands of path cells, and {x,y} objects would
    // triple their size.
    private static void Path(CanonicalJsonWriter w, IReadOnlyList<GridPoint> path)
    {
        w.Name("path");
        w.StartArray();
        foreach (var p in path)
        {
            w.Integer(p.X);
            w.Integer(p.Y);
        }

        w.EndArray();
    }

    private static void Strings(CanonicalJsonWriter w, string name, IEnumerable<string> values)
    {
        w.Name(name);
        w.StartArray();
        foreach (var value in values)
        {
            w.String(value);
        }

        w.EndArray();
    }
}
