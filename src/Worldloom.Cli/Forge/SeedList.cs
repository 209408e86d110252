using System.Globalization;

namespace Worldloom.Cli.Forge;

/// <summary>The <c>--seeds</c> of a batch: integers and inclusive ranges, comma-separated (<c>1..100</c>, <c>1,5,9</c>, <c>1..10,20</c>).</summary>
internal static class SeedList
{
    /// <summary>Most seeds one batch may run.</summary>
    public const int MaxSeeds = 1000;

    /// <summary>The seeds in ascending order, or null with the reason (naming <c>--seeds</c>) in <paramref name="error"/>.</summary>
    public static IReadOnlyList<long>? Parse(string text, out string? error)
    {
        error = null;
        var seeds = new List<long>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            var dots = item.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                if (!TryInteger(item, out var single))
                {
                    error = $"--seeds: '{item}' is not an integer seed or a range like 1..100.";
                    return null;
                }

                seeds.Add(single);
            }
            else
            {
                if (!TryInteger(item[..dots], out var first) || !TryInteger(item[(dots + 2)..], out var last) || last < first)
                {
                    error = $"--seeds: '{item}' is not a range low..high of integers.";
                    return null;
                }

                // Checked before expanding, so 1..10000000000 fails at once instead of filling memory.
                if ((ulong)(last - first) >= MaxSeeds || seeds.Count + (last - first + 1) > MaxSeeds)
                {
                    error = $"--seeds: at most {MaxSeeds} seeds in one batch.";
                    return null;
                }

                for (long k = 0; k <= last - first; k++)
                {
                    seeds.Add(first + k);
                }
            }

            if (seeds.Count > MaxSeeds)
            {
                error = $"--seeds: at most {MaxSeeds} seeds in one batch.";
                return null;
            }
        }

        seeds.Sort();
        for (var i = 1; i < seeds.Count; i++)
        {
            if (seeds[i] == seeds[i - 1])
            {
                error = $"--seeds: seed {seeds[i]} is listed twice.";
                return null;
            }
        }

        return seeds;
    }

    private static bool TryInteger(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
