using System.Globalization;
using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Json;

/// <summary>
/// <c>legend.json</c>: what the layer pictures' colours and values mean, so a reader needs neither the world document
/// nor Worldloom's source to label them.
/// </summary>
internal static class JsonLegend
{
    // The size classes' lower bounds, as SettlementSize documents them.
    private static readonly (SettlementSize Size, int MinPopulation)[] Sizes =
    [
        (SettlementSize.Hamlet, 0),
        (SettlementSize.Village, 100),
        (SettlementSize.Town, 1000),
        (SettlementSize.City, 10000),
    ];

    public static void Write(Utf8JsonWriter json, ExportSource source)
    {
        json.WriteStartObject();
        json.WriteString("world", source.Hash);
        json.WriteStartObject("height");
        json.WriteString("file", "height.png");
        json.WriteNumber("width", source.Heightmap.Width);
        json.WriteNumber("height", source.Heightmap.Height);
        json.WriteNumber("seaLevel", source.Heightmap.SeaLevel);
        json.WriteString("units", "16-bit elevation, 0 = lowest and 65535 = highest; land is above seaLevel");
        json.WriteEndObject();

        json.WriteStartArray("biomes");
        for (var i = 0; i < BiomeNames.All.Count; i++)
        {
            var biome = (Biome)i;
            json.WriteStartObject();
            json.WriteNumber("id", i);
            json.WriteString("name", BiomeNames.ToName(biome));
            json.WriteString("colour", Hex(BiomeTileset.Colour(biome)));
            json.WriteBoolean("water", BiomeNames.IsWater(biome));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("factions");
        foreach (var faction in source.World.Factions)
        {
            json.WriteStartObject();
            json.WriteString("id", faction.Id);
            json.WriteString("name", faction.Name);
            json.WriteString("colour", Hex(faction.Color));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("settlementSizes");
        foreach (var (size, minPopulation) in Sizes)
        {
            json.WriteStartObject();
            json.WriteString("name", WorldDocument.SettlementSizeName(size));
            json.WriteNumber("minPopulation", minPopulation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Hex(int rgb) => "#" + rgb.ToString("x6", CultureInfo.InvariantCulture);
}
