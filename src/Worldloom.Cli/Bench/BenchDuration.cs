using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Worldloom.Cli.Bench;

/// <summary>Duration options written as people write them: <c>20s</c>, <c>500ms</c>, <c>2m</c>, or bare seconds.</summary>
internal static class BenchDuration
{
    /// <summary>An option <paramref name="name"/> holding a duration, <paramref name="fallback"/> when absent.</summary>
    public static Option<TimeSpan> Option(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (TryParse(text, out var value))
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not a duration; write e.g. 20s, 500ms or 2m.");
            return fallback;
        },
    };

    /// <summary>Parses <c>500ms</c>, <c>20s</c>, <c>2m</c> or a bare number of seconds; no negatives.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && double.IsFinite(amount))
        {
            value = TimeSpan.FromSeconds(amount * unit);
            return true;
        }

        value = default;
        return false;
    }
}
