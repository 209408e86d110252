using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// The JSON shape of <see cref="WorldOverride"/>s, one object per override with its <c>kind</c> and camelCase fields
/// (biomes by wire name, cells as <c>{"x":..,"y":..}</c>). The world document stores overrides in this shape and the
/// API and CLI accept it, so an override reads the same everywhere. Parsing is strict (unknown fields are errors) and
/// reports every bad field, each named by its path.
/// </summary>
public static class WorldOverrideJson
{
    /// <summary>Longest id (settlement, region, faction, NPC) an override may name.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest name an override may give.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest quest hook text.</summary>
    public const int MaxHookLength = 1000;

    /// <summary>Most traits an NPC may be pinned to.</summary>
    public const int MaxTraits = 8;

    /// <summary>Most overrides one world may carry.</summary>
    public const int MaxCount = 10_000;

    private static readonly string[] Kinds =
    [
        "move_settlement", "rename_settlement", "delete_settlement", "set_region_biome", "set_region_faction",
        "pin_npc_traits", "add_poi", "set_cell_biome",
    ];

    /// <summary>Every override kind, as <see cref="WorldOverride.Kind"/> spells it.</summary>
    public static IReadOnlyList<string> AllKinds => Kinds;

    /// <summary>
    /// Reads one override; the result holds it or every error, each field named under <paramref name="path"/> (the
    /// default, the empty path, names fields bare: <c>settlementId</c>, <c>to.x</c>).
    /// </summary>
    public static WorldOverrideParseResult Parse(JsonElement element, string path = "") =>
        TryParse(element, path, out var value, out var errors) ? new WorldOverrideParseResult(value, []) : new WorldOverrideParseResult(null, errors);

    /// <summary>
    /// Reads one override at <paramref name="path"/> (e.g. <c>overrides[2]</c>). On failure <paramref name="errors"/>
    /// holds every problem, each with the field's path (e.g. <c>overrides[2].settlementId</c>).
    /// </summary>
    public static bool TryParse(JsonElement element, string path, [NotNullWhen(true)] out WorldOverride? value, out IReadOnlyList<ParameterError> errors)
    {
        var list = new List<ParameterError>();
        value = Parse(element, path, list);
        errors = list;
        if (list.Count > 0)
        {
            value = null;
        }

        return value is not null;
    }

    /// <summary>
    /// Reads an array of overrides at <paramref name="path"/> (the list items are <c>path[i]</c>). On failure
    /// <paramref name="errors"/> holds every problem in every item.
    /// </summary>
    public static bool TryParseList(JsonElement element, string path, [NotNullWhen(true)] out IReadOnlyList<WorldOverride>? values, out IReadOnlyList<ParameterError> errors)
    {
        var list = new List<ParameterError>();
        values = null;
        errors = list;
        if (element.ValueKind != JsonValueKind.Array)
        {
            list.Add(new ParameterError(path, $"expected an array, found {JsonFields.Describe(element)}."));
            return false;
        }

        if (element.GetArrayLength() > MaxCount)
        {
            list.Add(new ParameterError(path, $"at most {MaxCount} overrides; got {element.GetArrayLength()}."));
            return false;
        }

        var result = new List<WorldOverride>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var before = list.Count;
            var parsed = Parse(item, $"{path}[{index++}]", list);
            if (parsed is not null && list.Count == before)
            {
                result.Add(parsed);
            }
        }

        if (list.Count > 0)
        {
            return false;
        }

        values = result;
        return true;
    }

    /// <summary>The canonical JSON of one override.</summary>
    public static byte[] Write(WorldOverride value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(new CanonicalJsonWriter(buffer), value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one override as a canonical object (keys in order) into <paramref name="writer"/>.</summary>
    public static void Write(CanonicalJsonWriter writer, WorldOverride value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.StartObject();
        switch (value)
        {
            case MoveSettlement m:
                Kind(writer, m);
                writer.Name("settlementId");
                writer.String(m.SettlementId);
                writer.Name("to");
                WritePoint(writer, m.To);
                break;
            case RenameSettlement r:
                Kind(writer, r);
                writer.Name("name");
                writer.String(r.Name);
                writer.Name("settlementId");
                writer.String(r.SettlementId);
                break;
            case DeleteSettlement d:
                Kind(writer, d);
                writer.Name("settlementId");
                writer.String(d.SettlementId);
                break;
            case SetRegionBiome b:
                writer.Name("biome");
                writer.String(BiomeNames.ToName(b.Biome));
                Kind(writer, b);
                writer.Name("regionId");
                writer.String(b.RegionId);
                break;
            case SetRegionFaction f:
                writer.Name("factionId");
                writer.String(f.FactionId);
                Kind(writer, f);
                writer.Name("regionId");
                writer.String(f.RegionId);
                break;
            case PinNpcTraits p:
                Kind(writer, p);
                writer.Name("npcId");
                writer.String(p.NpcId);
                writer.Name("traits");
                writer.StartArray();
                foreach (var trait in p.Traits)
                {
                    writer.String(trait);
                }

                writer.EndArray();
                break;
            case AddPointOfInterest a:
                if (a.HookText is not null)
                {
                    writer.Name("hookText");
                    writer.String(a.HookText);
                }

                Kind(writer, a);
                writer.Name("location");
                WritePoint(writer, a.Location);
                writer.Name("name");
                writer.String(a.Name);
                writer.Name("poiKind");
                writer.String(a.PoiKind);
                break;
            case SetCellBiome c:
                writer.Name("biome");
                writer.String(BiomeNames.ToName(c.Biome));
                writer.Name("cell");
                WritePoint(writer, c.Cell);
                Kind(writer, c);
                break;
            default:
                throw new ArgumentException($"No JSON form for override kind '{value.Kind}'.", nameof(value));
        }

        writer.EndObject();
    }

    /// <summary>Writes <c>{"x":..,"y":..}</c>.</summary>
    internal static void WritePoint(CanonicalJsonWriter writer, GridPoint point)
    {
        writer.StartObject();
        writer.Name("x");
        writer.Integer(point.X);
        writer.Name("y");
        writer.Integer(point.Y);
        writer.EndObject();
    }

    private static void Kind(CanonicalJsonWriter writer, WorldOverride value)
    {
        writer.Name("kind");
        writer.String(value.Kind);
    }

    private static WorldOverride? Parse(JsonElement element, string path, List<ParameterError> errors)
    {
        var fields = JsonFields.Open(element, path, errors);
        if (fields is null)
        {
            return null;
        }

        var kind = fields.String("kind");
        const int MaxCell = WorldParameters.MaxSize - 1;
        WorldOverride? result;
        switch (kind)
        {
            case "move_settlement":
                result = new MoveSettlement(Id(fields, "settlementId"), fields.Point("to", MaxCell + 1, MaxCell + 1));
                break;
            case "rename_settlement":
                result = new RenameSettlement(Id(fields, "settlementId"), Text(fields, "name", MaxNameLength));
                break;
            case "delete_settlement":
                result = new DeleteSettlement(Id(fields, "settlementId"));
                break;
            case "set_region_biome":
                result = new SetRegionBiome(Id(fields, "regionId"), fields.Biome("biome"));
                break;
            case "set_region_faction":
                result = new SetRegionFaction(Id(fields, "regionId"), Id(fields, "factionId"));
                break;
            case "pin_npc_traits":
                result = new PinNpcTraits(Id(fields, "npcId"), Traits(fields));
                break;
            case "add_poi":
                var poiKind = Text(fields, "poiKind", MaxIdLength);
                var name = Text(fields, "name", MaxNameLength);
                var location = fields.Point("location", MaxCell + 1, MaxCell + 1);
                var hook = fields.OptionalString("hookText");
                if (hook is not null && hook.Length > MaxHookLength)
                {
                    fields.Fail(fields.PathOf("hookText"), $"at most {MaxHookLength} characters; got {hook.Length}.");
                }

                result = new AddPointOfInterest(poiKind, name, location, hook);
                break;
            case "set_cell_biome":
                result = new SetCellBiome(fields.Point("cell", MaxCell + 1, MaxCell + 1), fields.Biome("biome"));
                break;
            default:
                if (element.TryGetProperty("kind", out var given) && given.ValueKind == JsonValueKind.String)
                {
                    fields.Fail(fields.PathOf("kind"), $"unknown override kind \"{kind}\"; expected one of {string.Join(", ", Kinds)}.");
                }

                return null;
        }

        fields.RejectUnknown();
        return result;
    }

    private static string Id(JsonFields fields, string name) => Text(fields, name, MaxIdLength);

    private static string Text(JsonFields fields, string name, int maxLength)
    {
        if (fields.Required(name) is not { } raw)
        {
            return "";
        }

        var value = fields.AsString(raw, fields.PathOf(name));
        if (raw.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        if (value.Length == 0)
        {
            fields.Fail(fields.PathOf(name), "must not be empty.");
        }
        else if (value.Length > maxLength)
        {
            fields.Fail(fields.PathOf(name), $"at most {maxLength} characters; got {value.Length}.");
        }

        return value;
    }

    private static IReadOnlyList<string> Traits(JsonFields fields)
    {
        var traits = fields.Strings("traits");
        if (traits.Count > MaxTraits)
        {
            fields.Fail(fields.PathOf("traits"), $"at most {MaxTraits} traits; got {traits.Count}.");
        }

        for (var i = 0; i < traits.Count; i++)
        {
            if (traits[i].Length is 0 or > MaxIdLength)
            {
                fields.Fail($"{fields.PathOf("traits")}[{i}]", $"a trait is 1 to {MaxIdLength} characters.");
            }
        }

        return traits;
    }
}
