using System.Text.Json;
using Worldloom.Forge.Export.Engines;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Exports;

/// <summary>Reads which engines a request asks for: an array of names, <c>"all"</c>, or names separated by commas.</summary>
public static class ExportChoice
{
    /// <summary>Most names an array may hold: every engine a few times over, far below anything that costs to parse.</summary>
    public const int MaxNames = 32;

    /// <summary>The engines in bundle order, or an empty list with the problem reported to <paramref name="v"/> under <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> Read(Validation v, string field, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(v);
        string? error;
        IReadOnlyList<string>? engines;
        switch (value?.ValueKind)
        {
            case null or JsonValueKind.Undefined or JsonValueKind.Null:
                v.Add(field, $"is required: a list of engines ({string.Join(", ", ExportEngines.All)}) or \"all\".");
                return [];
            case JsonValueKind.String:
                engines = ExportEngines.Parse(value.Value.GetString(), out error);
                break;
            case JsonValueKind.Array:
                if (value.Value.GetArrayLength() > MaxNames)
                {
                    v.Add(field, $"lists {value.Value.GetArrayLength()} names; at most {MaxNames} are accepted (there are {ExportEngines.All.Count} engines).");
                    return [];
                }

                if (value.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    v.Add(field, "must hold engine names as strings.");
                    return [];
                }

                engines = ExportEngines.Parse([.. value.Value.EnumerateArray().Select(e => e.GetString())], out error);
                break;
            default:
                v.Add(field, "must be a list of engine names or \"all\".");
                return [];
        }

        if (engines is null)
        {
            v.Add(field, error!);
            return [];
        }

        return engines;
    }
}
