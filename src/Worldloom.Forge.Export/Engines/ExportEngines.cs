using Worldloom.Forge.Export.Engines.Blender;
using Worldloom.Forge.Export.Engines.Defold;
using Worldloom.Forge.Export.Engines.GameMaker;
using Worldloom.Forge.Export.Engines.Godot;
using Worldloom.Forge.Export.Engines.Json;
using Worldloom.Forge.Export.Engines.Roblox;
using Worldloom.Forge.Export.Engines.Tiled;
using Worldloom.Forge.Export.Engines.Unity;
using Worldloom.Forge.Export.Engines.Unreal;

namespace Worldloom.Forge.Export.Engines;

/// <summary>The nine export targets: their names, display titles and exporters, and parsing of a user's choice.</summary>
public static class ExportEngines
{
    /// <summary>The canonical world document plus layer PNGs; the only engine the free tier exports.</summary>
    public const string Json = "json";

    /// <summary>Tiled maps (.tmx and .tmj) with a .tsx tileset.</summary>
    public const string Tiled = "tiled";

    /// <summary>A Godot 4 project folder.</summary>
    public const string Godot = "godot";

    /// <summary>Unity terrain heightmap, splat maps, entities and an editor importer.</summary>
    public const string Unity = "unity";

    /// <summary>Unreal Landscape heightmap, weight layers and DataTable CSV/JSON.</summary>
    public const string Unreal = "unreal";

    /// <summary>A heightmap and a Blender Python script that builds the terrain.</summary>
    public const string Blender = "blender";

    /// <summary>A GameMaker room with tile and instance layers.</summary>
    public const string GameMaker = "gamemaker";

    /// <summary>A Roblox .rbxmx model.</summary>
    public const string Roblox = "roblox";

    /// <summary>A Defold tilemap, tilesource and collection.</summary>
    public const string Defold = "defold";

    /// <summary>Every engine name, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Json, Tiled, Godot, Unity, Unreal, Blender, GameMaker, Roblox, Defold];

    /// <summary>Display titles by engine name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Json] = "JSON + PNG layers",
        [Tiled] = "Tiled",
        [Godot] = "Godot 4",
        [Unity] = "Unity",
        [Unreal] = "Unreal Engine",
        [Blender] = "Blender",
        [GameMaker] = "GameMaker",
        [Roblox] = "Roblox",
        [Defold] = "Defold",
    };

    /// <summary>The exporter for <paramref name="engine"/> (one of <see cref="All"/>).</summary>
    public static IEngineExporter Exporter(string engine) => engine switch
    {
        Json => new JsonExporter(),
        Tiled => new TiledExporter(),
        Godot => new GodotExporter(),
        Unity => new UnityExporter(),
        Unreal => new UnrealExporter(),
        Blender => new BlenderExporter(),
        GameMaker => new GameMakerExporter(),
        Roblox => new RobloxExporter(),
        Defold => new DefoldExporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine."),
    };

    /// <summary>
    /// Parses a user's choice: <c>all</c>, or engine names separated by commas (any case, spaces allowed). Returns the
    /// engines in <see cref="All"/>'s order without repeats, or null with <paramref name="error"/> saying what is wrong.
    /// </summary>
    public static IReadOnlyList<string>? Parse(string? text, out string? error) =>
        Parse(text?.Split(',') ?? [], out error);

    /// <summary>As <see cref="Parse(string?, out string?)"/>, for a list (a JSON array); a single <c>all</c> means every engine.</summary>
    public static IReadOnlyList<string>? Parse(IReadOnlyList<string?> names, out string? error)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in names)
        {
            var name = raw?.Trim().ToLowerInvariant() ?? "";
            if (name.Length == 0)
            {
                continue;
            }

            if (name == "all")
            {
                wanted.UnionWith(All);
                continue;
            }

            if (!Titles.ContainsKey(name))
            {
                error = $"unknown engine \"{Shorten(raw!.Trim())}\"; choose from {string.Join(", ", All)} or all.";
                return null;
            }

            wanted.Add(name);
        }

        if (wanted.Count == 0)
        {
            error = $"choose at least one engine: {string.Join(", ", All)} or all.";
            return null;
        }

        error = null;
        return [.. All.Where(wanted.Contains)];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
