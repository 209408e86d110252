using System.Globalization;
using System.Text.Json;
using Worldloom.Forge.Core.World;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Batches;

/// <summary>
/// Reads a batch's seeds: a range string <c>"1..100"</c> (integers, inclusive), or a JSON array of seeds (integers or
/// strings). Duplicates are refused, so every item of a batch is a different world.
/// </summary>
public static class BatchSeeds
{
    /// <summary>The seeds in order, or an empty list with the problem reported to <paramref name="v"/>.</summary>
    public static IReadOnlyList<ForgeSeed> Read(Validation v, string field, JsonElement? value, int max)
    {
        ArgumentNullException.ThrowIfNull(v);
        var seeds = new List<ForgeSeed>();
        switch (value?.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.Value.GetString()!;
                var parts = text.Split("..");
                if (parts.Length != 2
                    || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
                    || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var last))
                {
                    v.Add(field, "must be a range like \"1..100\" or an array of seeds.");
                    return [];
                }

                if (last < first || last - first >= max)
                {
                    v.Add(field, $"the range must run upwards and hold at most {max} seeds.");
                    return [];
                }

                for (var s = first; s <= last; s++)
                {
                    seeds.Add(ForgeSeed.FromInt64(s));
                    if (s == long.MaxValue)
                    {
                        break;
                    }
                }

                return seeds;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.Value.EnumerateArray())
                {
                    if (i == max)
                    {
                        v.Add(field, $"a batch holds at most {max} seeds.");
                        return [];
                    }

                    var seed = Worlds.WorldParametersBody.ParseSeed(v, $"{field}[{i}]", item);
                    if (seed is not null)
                    {
                        if (seeds.Contains(seed))
                        {
                            v.Add($"{field}[{i}]", $"seed '{seed.Text}' is already in the batch.");
                        }

                        seeds.Add(seed);
                    }

                    i++;
                }

                if (i == 0)
                {
                    v.Add(field, "must hold at least one seed.");
                }

                return v.Failed ? [] : seeds;
            default:
                v.Add(field, "is required: a range like \"1..100\" or an array of seeds.");
                return [];
        }
    }
}
