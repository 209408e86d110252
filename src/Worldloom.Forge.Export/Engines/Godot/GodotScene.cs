using System.Text;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Export.Engines.Terrain;

namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>
/// <c>world.tscn</c>: a Node2D root holding the heightmap as a Sprite2D under the <c>Terrain</c> TileMapLayer (one tile
/// per grid cell, 16 pixels each), then a Marker2D per settlement and per point of interest at the centre of its tile,
/// with the world's data as metadata. Text format 4 (Godot 4.3+), whose PackedByteArray is base64.
/// </summary>
internal static class GodotScene
{
    /// <summary>The scene's path in the project.</summary>
    public const string Path = "world.tscn";

    /// <summary>The heightmap image's path in the project.</summary>
    public const string HeightmapPath = "heightmap.png";

    public static string Write(ExportSource source)
    {
        var grid = source.Grid;
        var tileData = Convert.ToBase64String(TileMapData.Encode(grid));
        var text = new StringBuilder(tileData.Length + 4096 + (source.World.Settlements.Count * 400) + (source.World.PointsOfInterest.Count * 600));
        text.Append("[gd_scene load_steps=3 format=4]\n\n");
        text.Append($"[ext_resource type=\"TileSet\" path=\"res://{GodotTileSet.Path}\" id=\"1_tiles\"]\n");
        text.Append($"[ext_resource type=\"Texture2D\" path=\"res://{HeightmapPath}\" id=\"2_height\"]\n\n");

        text.Append("[node name=\"World\" type=\"Node2D\"]\n");
        Meta(text, "hash", GodotText.Quote(source.Hash));
        Meta(text, "seed", GodotText.Quote(source.World.Seed.Text));
        Meta(text, "cells_per_tile", GodotText.Int(grid.Scale));
        text.Append('\n');

        // Drawn first, so the tiles cover it; hide Terrain to see the elevation. Scaled from one pixel per cell to the tiles.
        text.Append("[node name=\"Heightmap\" type=\"Sprite2D\" parent=\".\"]\n");
        text.Append("texture = ExtResource(\"2_height\")\n");
        text.Append("centered = false\n");
        var scale = DecimalText.Of(BiomeTileset.TileSize, grid.Scale);
        text.Append($"scale = Vector2({scale}, {scale})\n\n");

        text.Append("[node name=\"Terrain\" type=\"TileMapLayer\" parent=\".\"]\n");
        text.Append("tile_map_data = PackedByteArray(\"").Append(tileData).Append("\")\n");
        text.Append("tile_set = ExtResource(\"1_tiles\")\n\n");

        text.Append("[node name=\"Settlements\" type=\"Node2D\" parent=\".\"]\n\n");
        var factions = source.World.Factions.ToDictionary(f => f.Id, f => f.Name, StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var settlement in source.World.Settlements)
        {
            Marker(text, "Settlements", UniqueName(names, settlement.Id), grid.ToTile(settlement.Location));
            Meta(text, "id", GodotText.Quote(settlement.Id));
            Meta(text, "name", GodotText.Quote(settlement.Name));
            Meta(text, "faction", GodotText.Quote(settlement.FactionId ?? ""));
            Meta(text, "faction_name", GodotText.Quote(settlement.FactionId is { } f && factions.TryGetValue(f, out var name) ? name : ""));
            Meta(text, "population", GodotText.Int(settlement.Population));
            Meta(text, "size", GodotText.Quote(WorldDocument.SettlementSizeName(settlement.Size)));
            Meta(text, "capital", GodotText.Bool(settlement.IsCapital));
            Meta(text, "culture", GodotText.Quote(settlement.Culture));
            Meta(text, "region", GodotText.Quote(settlement.RegionId ?? ""));
            Meta(text, "biome", GodotText.Quote(BiomeNames.ToName(settlement.Biome)));
            Meta(text, "coastal", GodotText.Bool(settlement.Coastal));
            Meta(text, "cell", GodotText.Vector2I(settlement.Location.X, settlement.Location.Y));
            text.Append('\n');
        }

        text.Append("[node name=\"PointsOfInterest\" type=\"Node2D\" parent=\".\"]\n");
        names.Clear();
        foreach (var poi in source.World.PointsOfInterest)
        {
            text.Append('\n');
            Marker(text, "PointsOfInterest", UniqueName(names, poi.Id), grid.ToTile(poi.Location));
            Meta(text, "id", GodotText.Quote(poi.Id));
            Meta(text, "name", GodotText.Quote(poi.Name));
            Meta(text, "kind", GodotText.Quote(poi.Kind));
            Meta(text, "region", GodotText.Quote(poi.RegionId ?? ""));
            Meta(text, "hook", GodotText.Quote(poi.Hook.Text));
            Meta(text, "cell", GodotText.Vector2I(poi.Location.X, poi.Location.Y));
        }

        return text.ToString();
    }

    // Nodes are named after ids (settlement-3), which unlike display names are unique and nearly always name-safe;
    // should cleaning one make it collide with a sibling, a counter tells them apart.
    private static string UniqueName(HashSet<string> taken, string id)
    {
        var name = GodotText.NodeName(id);
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{name}_{n}";
        }

        return unique;
    }

    private static void Marker(StringBuilder text, string parent, string name, GridPoint tile)
    {
        text.Append($"[node name=\"{name}\" type=\"Marker2D\" parent=\"{parent}\"]\n");
        var half = BiomeTileset.TileSize / 2;
        text.Append($"position = {GodotText.Vector2((tile.X * BiomeTileset.TileSize) + half, (tile.Y * BiomeTileset.TileSize) + half)}\n");
    }

    private static void Meta(StringBuilder text, string key, string value) => text.Append("metadata/").Append(key).Append(" = ").Append(value).Append('\n');
}
