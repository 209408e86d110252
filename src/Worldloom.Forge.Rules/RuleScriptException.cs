using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Rules;

/// <summary>
/// A rule script failed: it does not parse, it threw, it hit a sandbox limit, or it made an edit the world rejects.
/// The world is as it was before the failing hook. <see cref="Line"/> and <see cref="Column"/> (both 1-based) are set
/// wherever the engine knows them; limit errors carry no position.
/// </summary>
public sealed class RuleScriptException : Exception
{
    /// <summary>A failure with its <paramref name="detail"/>, the stage whose hook failed (null for parsing or the top-level run) and the position.</summary>
    public RuleScriptException(string detail, string? stage = null, int? line = null, int? column = null, Exception? inner = null)
        : base(Compose(detail, stage, line, column), inner)
    {
        Detail = detail;
        Stage = stage;
        Line = line;
        Column = column;
    }

    /// <summary>What went wrong, without the position.</summary>
    public string Detail { get; }

    /// <summary>The stage whose hook failed; null when parsing or the top-level run failed.</summary>
    public string? Stage { get; }

    /// <summary>1-based line in the script, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column in the script, when known.</summary>
    public int? Column { get; }

    private static string Compose(string detail, string? stage, int? line, int? column)
    {
        var text = new StringBuilder(RuleScript.SourceName);
        if (line is { } l)
        {
            text.Append(CultureInfo.InvariantCulture, $":{l}");
            if (column is { } c)
            {
                text.Append(CultureInfo.InvariantCulture, $":{c}");
            }
        }

        text.Append(stage is null ? string.Empty : $" ({RuleScript.HookName(stage)})");
        return text.Append(": ").Append(detail).ToString();
    }
}
