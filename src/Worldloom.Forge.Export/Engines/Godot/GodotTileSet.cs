using System.Text;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>
/// <c>biomes.tres</c>: a TileSet with one atlas source over <c>biomes.png</c>, one tile per biome at atlas (biome, 0),
/// and a custom data layer <c>biome</c> holding each tile's biome name for game code.
/// </summary>
internal static class GodotTileSet
{
    /// <summary>The atlas image's path in the project.</summary>
    public const string ImagePath = "biomes.png";

    /// <summary>The resource's path in the project.</summary>
    public const string Path = "biomes.tres";

    // Variant::Type STRING in Godot 4, the type of the custom data layer.
    private const int VariantString = 4;

    public static string Write(BiomeTileset tileset)
    {
        var size = GodotText.Vector2I(BiomeTileset.TileSize, BiomeTileset.TileSize);
        var text = new StringBuilder();
        text.Append("[gd_resource type=\"TileSet\" load_steps=3 format=3]\n\n");
        text.Append($"[ext_resource type=\"Texture2D\" path=\"res://{ImagePath}\" id=\"1_biomes\"]\n\n");
        text.Append("[sub_resource type=\"TileSetAtlasSource\" id=\"TileSetAtlasSource_biomes\"]\n");
        text.Append("texture = ExtResource(\"1_biomes\")\n");
        text.Append($"texture_region_size = {size}\n");
        for (var tile = 0; tile < tileset.Count; tile++)
        {
            text.Append($"{tile}:0/0 = 0\n");
            text.Append($"{tile}:0/0/custom_data_0 = {GodotText.Quote(BiomeNames.ToName((Biome)tile))}\n");
        }

        text.Append("\n[resource]\n");
        text.Append($"tile_size = {size}\n");
        text.Append("custom_data_layer_0/name = \"biome\"\n");
        text.Append($"custom_data_layer_0/type = {VariantString}\n");
        text.Append("sources/0 = SubResource(\"TileSetAtlasSource_biomes\")\n");
        return text.ToString();
    }
}
