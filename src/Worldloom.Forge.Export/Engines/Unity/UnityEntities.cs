using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Unity;

/// <summary>
/// <c>Entities/settlements.json</c>, <c>npcs.json</c> and <c>pois.json</c>, laid out for Unity's JsonUtility: each an
/// object holding one array, missing ids as empty strings (JsonUtility has no null strings), positions in terrain
/// metres (x east, z north).
/// </summary>
internal static class UnityEntities
{
    public const string SettlementsPath = "Entities/settlements.json";

    public const string NpcsPath = "Entities/npcs.json";

    public const string PointsOfInterestPath = "Entities/pois.json";

    public static void WriteSettlements(Utf8JsonWriter json, UnityTerrain terrain)
    {
        var source = terrain.Source;
        var factions = source.World.Factions.ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteStartArray("settlements");
        foreach (var s in source.World.Settlements)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("name", s.Name);
            json.WriteString("faction", s.FactionId ?? "");
            json.WriteString("factionName", s.FactionId is { } f && factions.TryGetValue(f, out var name) ? name : "");
            json.WriteNumber("population", s.Population);
            json.WriteString("size", WorldDocument.SettlementSizeName(s.Size));
            json.WriteBoolean("capital", s.IsCapital);
            json.WriteString("culture", s.Culture);
            json.WriteString("region", s.RegionId ?? "");
            json.WriteString("biome", BiomeNames.ToName(s.Biome));
            json.WriteBoolean("coastal", s.Coastal);
            json.WriteBoolean("freshWater", s.FreshWater);
            Place(json, terrain, s.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteNpcs(Utf8JsonWriter json, ExportSource source)
    {
        json.WriteStartObject();
        json.WriteStartArray("npcs");
        foreach (var npc in source.World.Npcs)
        {
            json.WriteStartObject();
            json.WriteString("id", npc.Id);
            json.WriteString("name", npc.Name);
            json.WriteString("role", npc.Role);
            json.WriteNumber("age", npc.Age);
            json.WriteString("culture", npc.Culture);
            json.WriteString("settlement", npc.SettlementId);
            json.WriteString("faction", npc.FactionId ?? "");
            json.WriteStartArray("traits");
            foreach (var trait in npc.Traits)
            {
                json.WriteStringValue(trait);
            }

            json.WriteEndArray();
            json.WriteStartArray("relationships");
            foreach (var tie in npc.Relationships)
            {
                json.WriteStartObject();
                json.WriteString("npc", tie.NpcId);
                json.WriteString("kind", tie.Kind);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WritePointsOfInterest(Utf8JsonWriter json, UnityTerrain terrain)
    {
        json.WriteStartObject();
        json.WriteStartArray("pois");
        foreach (var poi in terrain.Source.World.PointsOfInterest)
        {
            json.WriteStartObject();
            json.WriteString("id", poi.Id);
            json.WriteString("name", poi.Name);
            json.WriteString("kind", poi.Kind);
            json.WriteString("region", poi.RegionId ?? "");
            json.WriteString("hook", poi.Hook.Text);
            Place(json, terrain, poi.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // The cell, its terrain position and its elevation above the sea (the importer stands markers on the terrain instead).
    private static void Place(Utf8JsonWriter json, UnityTerrain terrain, GridPoint cell)
    {
        var (x, z) = terrain.Position(cell.X, cell.Y);
        json.WriteNumber("cellX", cell.X);
        json.WriteNumber("cellY", cell.Y);
        json.WriteNumber("x", x);
        json.WriteNumber("z", z);
        json.WritePropertyName("elevationMetres");
        json.WriteRawValue(TerrainScale.MetresAboveSea(terrain.Source.Heightmap[cell.X, cell.Y], terrain.Source.Heightmap.SeaLevel));
    }
}
