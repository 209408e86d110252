using System.Buffers;
using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;
using Worldloom.Forge.Rules;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// The shell's one doorway to the core's documents, overrides, rules and pictures: it turns their errors into the
/// field-named problems and <see cref="WorldBuildException"/>s the endpoints and jobs answer with.
/// </summary>
public static class WorldCodec
{
    /// <summary>The layer batch thumbnails show.</summary>
    public const MapLayer ThumbnailLayer = MapLayer.Biomes;

    /// <summary>Reads a stored document.</summary>
    public static LoadedWorld Read(byte[] document)
    {
        var world = WorldDocument.Read(document, out var overrides);
        return new LoadedWorld(world, overrides);
    }

    /// <summary>The canonical document of a world and its overrides.</summary>
    public static byte[] Write(ForgeWorld world, IReadOnlyList<WorldOverride> overrides) => WorldDocument.Write(world, overrides);

    /// <summary>The world's name: SHA-256 of its document.</summary>
    public static string Hash(byte[] document) => WorldDocument.Hash(document);

    /// <summary>The summary the API shows (land, counts, biome mix by wire name), as JSON.</summary>
    public static string SummaryJson(ForgeWorld world)
    {
        var s = WorldSummary.From(world);
        return JsonSerializer.Serialize(
            new
            {
                landPermille = s.LandPermille ?? 0,
                settlements = s.Settlements,
                rivers = s.Rivers,
                lakes = s.Lakes,
                regions = s.Regions,
                factions = s.Factions,
                npcs = s.Npcs,
                species = s.Species,
                pointsOfInterest = s.PointsOfInterest,
                biomes = s.Biomes.ToDictionary(b => BiomeNames.ToName(b.Key), b => b.Value),
            },
            JsonSerializerOptions.Web);
    }

    /// <summary>The numbers a batch item keeps.</summary>
    public static (int LandPermille, int Settlements, int Rivers, int Factions, string BiomesJson) Summary(ForgeWorld world)
    {
        var s = WorldSummary.From(world);
        return (s.LandPermille ?? 0, s.Settlements, s.Rivers, s.Factions,
            JsonSerializer.Serialize(s.Biomes.ToDictionary(b => BiomeNames.ToName(b.Key), b => b.Value)));
    }

    /// <summary>Overrides from a request body (absent means none); every error goes to <paramref name="v"/> by path.</summary>
    public static IReadOnlyList<WorldOverride> ParseOverrides(Validation v, string field, JsonElement? json)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (json is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            return [];
        }

        if (WorldOverrideJson.TryParseList(element, field, out var overrides, out var errors))
        {
            if (overrides.Count > WorldRules.MaxOverrides)
            {
                v.Add(field, $"a world carries at most {WorldRules.MaxOverrides} overrides.");
            }

            return overrides;
        }

        foreach (var error in errors)
        {
            v.Add(error.Field, error.Message);
        }

        return [];
    }

    /// <summary>Overrides stored by <see cref="OverridesJson"/>.</summary>
    public static IReadOnlyList<WorldOverride> ParseOverridesJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WorldOverrideJson.TryParseList(document.RootElement, "overrides", out var overrides, out var errors)
            ? overrides
            : throw new InvalidOperationException("Stored overrides do not parse: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    /// <summary>The canonical JSON array of <paramref name="overrides"/>.</summary>
    public static string OverridesJson(IReadOnlyList<WorldOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CanonicalJsonWriter(buffer);
        writer.StartArray();
        foreach (var o in overrides)
        {
            WorldOverrideJson.Write(writer, o);
        }

        writer.EndArray();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Applies overrides; throws <see cref="WorldBuildException"/> naming the first bad field, leaving the world as it was.</summary>
    public static void ApplyOverrides(ForgeWorld world, IReadOnlyList<WorldOverride> overrides)
    {
        if (!TryApplyOverrides(world, overrides, out var errors))
        {
            var first = errors.First();
            throw new WorldBuildException(first.Key, string.Join(" ", first.Value));
        }
    }

    /// <summary>Applies overrides all or nothing; on failure <paramref name="errors"/> names every bad field.</summary>
    public static bool TryApplyOverrides(ForgeWorld world, IReadOnlyList<WorldOverride> overrides, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        errors = [];
        if (overrides.Count == 0)
        {
            return true;
        }

        var result = OverrideApplier.Apply(world, overrides);
        errors = result.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return result.Succeeded;
    }

    /// <summary>Null when <paramref name="source"/> parses as rules; otherwise the error with its line and column.</summary>
    public static string? CheckRules(string source)
    {
        try
        {
            RuleScript.Compile(source);
            return null;
        }
        catch (RuleScriptException e)
        {
            return e.Message;
        }
    }

    /// <summary>A fresh rules observer for one run, or null without rules.</summary>
    public static IPipelineObserver? RulesObserver(string? rules)
    {
        if (rules is null)
        {
            return null;
        }

        try
        {
            return RuleScript.Compile(rules).CreateObserver();
        }
        catch (RuleScriptException e)
        {
            throw new WorldBuildException("rules", e.Message);
        }
    }

    /// <summary>Runs a generation, turning a script failure into a <see cref="WorldBuildException"/> on <c>rules</c>.</summary>
    public static ForgeWorld RunRules(Func<ForgeWorld> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        try
        {
            return generate();
        }
        catch (RuleScriptException e)
        {
            throw new WorldBuildException("rules", e.Message);
        }
    }

    /// <summary>The layer named <paramref name="name"/> (biomes when null); an unknown name goes to <paramref name="v"/>.</summary>
    public static MapLayer ParseLayer(Validation v, string field, string? name)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (name is null)
        {
            return MapLayer.Biomes;
        }

        if (MapLayerNames.TryParse(name, out var layer))
        {
            return layer;
        }

        v.Add(field, $"must be one of {string.Join(", ", MapLayerNames.All)}.");
        return MapLayer.Biomes;
    }

    /// <summary>A layer as PNG, scaled down to <paramref name="maxSide"/> when given.</summary>
    public static byte[] RenderPng(ForgeWorld world, MapLayer layer, int? maxSide) =>
        PngEncoder.Encode(MapRenderer.Render(world, layer, maxSide ?? 0));

    /// <summary>The deepest tile zoom of <paramref name="world"/>.</summary>
    public static int MaxZoom(ForgeWorld world) => MapRenderer.MaxZoom(world);

    /// <summary>A 256×256 tile as PNG.</summary>
    public static byte[] RenderTilePng(ForgeWorld world, MapLayer layer, int z, int x, int y) =>
        PngEncoder.Encode(MapRenderer.RenderTile(world, layer, z, x, y));
}
