using System.Globalization;
using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Blender;

/// <summary>
/// <c>blender.json</c>, what <c>build_world.py</c> builds from: the grid and its scale, the files holding heights and
/// face biomes, every biome's name and colour, and the settlements and points of interest with positions in metres
/// (+X east, +Y north, Z above sea level; the mesh's origin is the world's south-west cell).
/// </summary>
internal static class BlenderScene
{
    public const string HeightmapPath = "heightmap.raw";

    public const string FacesPath = "biomes.raw";

    public static void Write(Utf8JsonWriter json, BlenderGrid grid)
    {
        var source = grid.Source;
        json.WriteStartObject();
        json.WriteString("world", source.Hash);
        json.WriteString("seed", source.World.Seed.Text);
        json.WriteStartObject("grid");
        json.WriteNumber("columns", grid.Columns);
        json.WriteNumber("rows", grid.Rows);
        json.WriteNumber("sizeX", grid.SizeX);
        json.WriteNumber("sizeY", grid.SizeY);
        json.WritePropertyName("spacingX");
        json.WriteRawValue(DecimalText.Of(grid.SizeX, grid.Columns - 1, 6));
        json.WritePropertyName("spacingY");
        json.WriteRawValue(DecimalText.Of(grid.SizeY, grid.Rows - 1, 6));
        json.WriteEndObject();
        json.WriteString("heightmap", HeightmapPath);
        json.WriteString("faces", FacesPath);
        json.WriteNumber("seaLevel", source.Heightmap.SeaLevel);
        json.WriteNumber("unitsPerMetre", TerrainScale.UnitsPerMetre);
        json.WriteNumber("metresPerCell", TerrainScale.MetresPerCell);
        json.WriteNumber("worldWidth", source.Heightmap.Width);
        json.WriteNumber("worldHeight", source.Heightmap.Height);

        json.WriteStartArray("biomes");
        for (var biome = 0; biome < BiomeNames.All.Count; biome++)
        {
            json.WriteStartObject();
            json.WriteString("name", BiomeNames.All[biome]);
            json.WriteString("colour", "#" + BiomeTileset.Colour((Biome)biome).ToString("X6", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var factions = source.World.Factions.ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);
        json.WriteStartArray("settlements");
        foreach (var s in source.World.Settlements)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteString("id", s.Id);
            json.WriteString("faction", s.FactionId ?? "");
            json.WriteString("factionName", s.FactionId is { } f && factions.TryGetValue(f, out var name) ? name : "");
            json.WriteNumber("population", s.Population);
            json.WriteString("size", WorldDocument.SettlementSizeName(s.Size));
            json.WriteBoolean("capital", s.IsCapital);
            json.WriteString("culture", s.Culture);
            json.WriteString("region", s.RegionId ?? "");
            Position(json, source, s.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("pointsOfInterest");
        foreach (var poi in source.World.PointsOfInterest)
        {
            json.WriteStartObject();
            json.WriteString("name", poi.Name);
            json.WriteString("id", poi.Id);
            json.WriteString("kind", poi.Kind);
            json.WriteString("region", poi.RegionId ?? "");
            json.WriteString("hook", poi.Hook.Text);
            Position(json, source, poi.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter json, ExportSource source, GridPoint cell)
    {
        json.WriteNumber("x", cell.X * TerrainScale.MetresPerCell);
        json.WriteNumber("y", (source.Heightmap.Height - 1 - cell.Y) * TerrainScale.MetresPerCell);
        json.WritePropertyName("z");
        json.WriteRawValue(TerrainScale.MetresAboveSea(source.Heightmap[cell.X, cell.Y], source.Heightmap.SeaLevel));
    }
}
