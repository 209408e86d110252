namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>
/// <c>project.godot</c>: names the project after the world, makes <c>world.tscn</c> the main scene, targets Godot 4.3
/// (the first with <c>TileMapLayer</c>) and filters textures nearest-neighbour so 16-pixel tiles stay crisp.
/// </summary>
internal static class GodotProject
{
    public static string Write(ExportSource source, string mainScene) =>
        $"""
        ; Engine configuration file, written by Worldloom.
        ; Open this folder with Godot 4.3 or later (Project Manager > Import).

        config_version=5

        [application]

        config/name={GodotText.Quote($"Worldloom {source.World.Seed.Text}")}
        config/description={GodotText.Quote($"World {source.Hash}")}
        run/main_scene="res://{mainScene}"
        config/features=PackedStringArray("4.3")

        [rendering]

        textures/canvas_textures/default_texture_filter=0

        """;
}
