using System.Buffers.Binary;
using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// One read of a world document: the shape, then the layers, then the lists (WorldDocumentReader.Lists.cs), each checked
/// against the others. Throws <see cref="WorldDocumentException"/> at the first problem.
/// </summary>
internal sealed partial class WorldDocumentReader(JsonElement rootElement)
{
    private int[]? _flow;
    private int[]? _lakeCells;

    public ForgeWorld Read(out IReadOnlyList<WorldOverride> overrides)
    {
        var root = JsonFields.Open(rootElement, "", null)!;
        var format = root.String("format");
        if (format != WorldDocument.Format)
        {
            root.Fail("format", $"unknown format \"{format}\"; this build reads \"{WorldDocument.Format}\".");
        }

        var generator = root.String("generator");
        if (generator != WorldPipeline.GeneratorVersion)
        {
            root.Fail("generator", $"made by generator \"{generator}\"; this build is \"{WorldPipeline.GeneratorVersion}\".");
        }

        var world = new ForgeWorld(ReadSeed(root.Object("seed")!), ReadParameters(root.Object("parameters")!));
        overrides = ReadOverrides(root);
        ReadLayers(root, world);
        ReadLists(root, world);
        CheckSummary(root, world);
        root.RejectUnknown();
        return world;
    }

    private static ForgeSeed ReadSeed(JsonFields seed)
    {
        var kind = seed.String("kind");
        var text = seed.String("text");
        ForgeSeed parsed;
        try
        {
            parsed = ForgeSeed.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new WorldDocumentException(seed.PathOf("text"), e.Message, e);
        }

        var expected = parsed.Integer is null ? "string" : "integer";
        if (kind != expected)
        {
            seed.Fail(seed.PathOf("kind"), $"the text \"{text}\" is a{(expected == "integer" ? "n" : "")} {expected} seed, not \"{kind}\".");
        }

        seed.RejectUnknown();
        return parsed;
    }

    /// <summary>Reads a <c>parameters</c> object; throws naming the field when a value is missing, mistyped or out of range.</summary>
    internal static WorldParameters ReadParameters(JsonFields p)
    {
        var presetName = p.String("preset");
        if (!WorldPresetNames.TryParse(presetName, out var preset))
        {
            p.Fail(p.PathOf("preset"), $"unknown preset \"{presetName}\"; expected one of {string.Join(", ", WorldPresetNames.All)}.");
        }

        var parameters = new WorldParameters
        {
            FactionCount = p.Int("factionCount"),
            Height = p.Int("height"),
            MoistureBias = p.Int("moistureBias"),
            Preset = preset,
            Roughness = p.Int("roughness"),
            SeaLevel = p.Int("seaLevel"),
            SettlementDensity = p.Int("settlementDensity"),
            TemperatureBias = p.Int("temperatureBias"),
            Width = p.Int("width"),
        };
        foreach (var error in parameters.Validate())
        {
            p.Fail(p.PathOf(error.Field), error.Message);
        }

        p.RejectUnknown();
        return parameters;
    }

    private static IReadOnlyList<WorldOverride> ReadOverrides(JsonFields root)
    {
        var element = root.Required("overrides")!.Value;
        if (!WorldOverrideJson.TryParseList(element, "overrides", out var overrides, out var errors))
        {
            throw new WorldDocumentException(errors[0].Field, errors[0].Message);
        }

        return overrides;
    }

    private void ReadLayers(JsonFields root, ForgeWorld world)
    {
        var layers = root.Object("layers")!;
        var height = Layer(layers, "height", LayerEncoding.U16, world);
        var temperature = Layer(layers, "temperature", LayerEncoding.I8, world);
        var moisture = Layer(layers, "moisture", LayerEncoding.U8, world);
        var biomes = Layer(layers, "biomes", LayerEncoding.U8, world);
        var flow = Layer(layers, "flow", LayerEncoding.U32, world);
        var lakes = Layer(layers, "lakes", LayerEncoding.U32, world);
        var regions = Layer(layers, "regions", LayerEncoding.U32, world);
        layers.RejectUnknown();

        if (height is not null)
        {
            var seaLevel = root.Int("seaLevel", 0, ushort.MaxValue);
            var cells = new ushort[world.Width * world.Height];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = BinaryPrimitives.ReadUInt16LittleEndian(height.AsSpan(i * 2));
            }

            world.Heightmap = new Heightmap(world.Width, world.Height, (ushort)seaLevel, cells);
        }
        else if (root.Optional("seaLevel") is not null)
        {
            root.Fail("seaLevel", "a world without a height layer has no sea level.");
        }

        if ((temperature is null) != (moisture is null))
        {
            root.Fail(temperature is null ? "layers.temperature" : "layers.moisture", "missing; temperature and moisture layers come together.");
        }

        if (temperature is not null && moisture is not null)
        {
            var celsius = new sbyte[temperature.Length];
            for (var i = 0; i < celsius.Length; i++)
            {
                celsius[i] = (sbyte)temperature[i];
                if (celsius[i] is < -60 or > 60)
                {
                    root.Fail("layers.temperature.data", $"cell {i} holds {celsius[i]} °C; temperatures are −60 to 60.");
                }

                if (moisture[i] > 100)
                {
                    root.Fail("layers.moisture.data", $"cell {i} holds {moisture[i]}; moisture is 0 to 100.");
                }
            }

            world.Climate = new ClimateMap(world.Width, world.Height, celsius, moisture);
        }

        if (biomes is not null)
        {
            var unknown = biomes.AsSpan().IndexOfAnyInRange((byte)BiomeNames.All.Count, byte.MaxValue);
            if (unknown >= 0)
            {
                root.Fail("layers.biomes.data", $"cell {unknown} holds {biomes[unknown]}, which is no biome (0–{BiomeNames.All.Count - 1}).");
            }

            world.Biomes = new BiomeMap(world.Width, world.Height, biomes);
        }

        if ((flow is null) != (lakes is null))
        {
            root.Fail(flow is null ? "layers.flow" : "layers.lakes", "missing; flow and lakes layers come together (both are hydrology).");
        }

        _flow = flow is null ? null : Ints(root, "layers.flow.data", flow);
        _lakeCells = lakes is null ? null : Ints(root, "layers.lakes.data", lakes);
        if (regions is not null)
        {
            world.RegionMap = new RegionMap(world.Width, world.Height, Ints(root, "layers.regions.data", regions));
        }
    }

    private static byte[]? Layer(JsonFields layers, string name, string encoding, ForgeWorld world)
    {
        if (layers.Optional(name) is not { } element)
        {
            return null;
        }

        var layer = JsonFields.Open(element, layers.PathOf(name), null)!;
        var actual = layer.String("encoding");
        if (actual != encoding)
        {
            layer.Fail(layer.PathOf("encoding"), $"the {name} layer is \"{encoding}\", not \"{actual}\".");
        }

        var width = layer.Int("width");
        var height = layer.Int("height");
        if (width != world.Width || height != world.Height)
        {
            layer.Fail(layer.PathOf(width != world.Width ? "width" : "height"), $"the layer is {width}×{height} but the world is {world.Width}×{world.Height}.");
        }

        var data = layer.Required("data")!.Value;
        if (data.ValueKind != JsonValueKind.String || !data.TryGetBytesFromBase64(out var bytes))
        {
            layer.Fail(layer.PathOf("data"), "expected a base64 string.");
            return null;
        }

        var expected = (long)world.Width * world.Height * LayerEncoding.BytesPerCell(encoding);
        if (bytes.Length != expected)
        {
            layer.Fail(layer.PathOf("data"), $"holds {bytes.Length} bytes; a {world.Width}×{world.Height} \"{encoding}\" layer holds {expected}.");
        }

        layer.RejectUnknown();
        return bytes;
    }

    private static int[] Ints(JsonFields root, string path, byte[] bytes)
    {
        var cells = new int[bytes.Length / 4];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
            if (value > int.MaxValue)
            {
                root.Fail(path, $"cell {i} holds {value}, above {int.MaxValue}.");
            }

            cells[i] = (int)value;
        }

        return cells;
    }

    private static void CheckSummary(JsonFields root, ForgeWorld world)
    {
        var given = root.Object("summary")!;
        byte[] canonical;
        try
        {
            canonical = CanonicalJson.Canonicalize(root.Required("summary")!.Value);
        }
        catch (FormatException e)
        {
            throw new WorldDocumentException("summary", e.Message, e);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        WorldSummary.From(world).Write(new CanonicalJsonWriter(buffer));
        if (!buffer.WrittenSpan.SequenceEqual(canonical))
        {
            given.Fail("summary", $"does not match the world; it would be {System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan)}.");
        }
    }
}
