using System.Text;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// A context-free text grammar in the style of Tracery: <c>#symbol#</c> expands to one of the symbol's productions,
/// drawn from the seeded stream, recursively; <c>{name}</c> is a binding the caller sets (a character's name, the
/// place). A symbol with no productions, or a binding that is not set, is a grammar bug and throws, so a typo cannot
/// leak "#tyop#" into a subtitle.
/// </summary>
public sealed class Grammar
{
    /// <summary>Deepest nesting of symbols; the productions are far shallower, so this only stops a cycle.</summary>
    public const int MaxDepth = 16;

    private readonly IReadOnlyDictionary<string, string[]> _productions;

    /// <summary>A grammar of <paramref name="productions"/> (symbol → alternatives).</summary>
    public Grammar(IReadOnlyDictionary<string, string[]> productions)
    {
        ArgumentNullException.ThrowIfNull(productions);
        _productions = productions;
    }

    /// <summary>How many alternatives all symbols have together (a measure of the grammar's breadth).</summary>
    public int ProductionCount => _productions.Values.Sum(p => p.Length);

    /// <summary>Whether <paramref name="symbol"/> has productions.</summary>
    public bool Has(string symbol) => _productions.ContainsKey(symbol);

    /// <summary>Expands <c>#<paramref name="symbol"/>#</c> with <paramref name="bindings"/>, drawing from <paramref name="rng"/>.</summary>
    public string Expand(string symbol, IReadOnlyDictionary<string, string> bindings, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(rng);
        return Tidy(ExpandSymbol(symbol, bindings, rng, 0));
    }

    /// <summary>Expands a template that may mix text, <c>#symbols#</c> and <c>{bindings}</c>.</summary>
    public string ExpandText(string template, IReadOnlyDictionary<string, string> bindings, ChaChaRng rng) =>
        Tidy(ExpandTemplate(template, bindings, rng, 0));

    private string ExpandSymbol(string symbol, IReadOnlyDictionary<string, string> bindings, ChaChaRng rng, int depth)
    {
        if (!_productions.TryGetValue(symbol, out var choices) || choices.Length == 0)
        {
            throw new InvalidOperationException($"The grammar has no symbol \"{symbol}\".");
        }

        return ExpandTemplate(choices[rng.NextInt(choices.Length)], bindings, rng, depth + 1);
    }

    private string ExpandTemplate(string template, IReadOnlyDictionary<string, string> bindings, ChaChaRng rng, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The grammar nests deeper than {MaxDepth} at \"{template}\".");
        }

        var output = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            var close = c is '#' or '{' ? template.IndexOf(c == '#' ? '#' : '}', i + 1) : -1;
            if (close < 0)
            {
                output.Append(c);
                i++;
                continue;
            }

            var name = template[(i + 1)..close];
            if (c == '#')
            {
                output.Append(ExpandSymbol(name, bindings, rng, depth));
            }
            else if (bindings.TryGetValue(name, out var value))
            {
                output.Append(value);
            }
            else
            {
                throw new InvalidOperationException($"The grammar uses {{{name}}}, which is not bound.");
            }

            i = close + 1;
        }

        return output.ToString();
    }

    // Empty alternatives leave double spaces and " ," or " ." behind.
    private static string Tidy(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && (output.Length == 0 || output[^1] == ' '))
            {
                continue;
            }

            if (c is ',' or '.' or '!' or '?' or ';' && output.Length > 0 && output[^1] == ' ')
            {
                output.Length--;
            }

            output.Append(c);
        }

        return output.ToString().Trim();
    }
}
