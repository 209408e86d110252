using Microsoft.Extensions.Options;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Moderation;

/// <summary>
/// Refuses prompts that ask for what the operator forbids (<c>Loom:Stories:Filter</c>), before anything is queued or
/// spent. Terms match as the rules language's <c>no ...</c> rules do: whole words, plurals either way, a category name
/// standing for its words (<c>firearms</c>: gun, pistol, ...).
/// </summary>
public sealed class PromptFilter
{
    private readonly IReadOnlyList<string> _phrases;

    /// <summary>Reads the terms and rules; a rule that is not a <c>no ...</c> rule stops the server with its line.</summary>
    public PromptFilter(IOptions<StoriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filter = options.Value.Filter;
        var terms = filter.Terms.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToList();
        for (var i = 0; i < filter.Rules.Count; i++)
        {
            var parsed = RuleParser.Parse(filter.Rules[i], $"filter_{i + 1}");
            if (parsed.Rule is not ForbiddenTermsRule forbid)
            {
                throw new OptionsValidationException(
                    StoriesOptions.Section, typeof(StoriesOptions),
                    [$"Loom:Stories:Filter:Rules:{i}: {(parsed.Error is { } e ? e.Message : "only \"no ...\" rules filter prompts.")}"]);
            }

            terms.AddRange(forbid.Terms);
        }

        _phrases = ForbiddenLexicon.Expand(terms);
    }

    /// <summary>The first forbidden phrase <paramref name="prompt"/> contains, or null when it may be narrated.</summary>
    public string? Match(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (_phrases.Count == 0)
        {
            return null;
        }

        var words = Words.Split(prompt);
        return _phrases.FirstOrDefault(p => Words.Find(words, [.. Words.Split(p).Select(w => w.Word)]) >= 0);
    }
}
