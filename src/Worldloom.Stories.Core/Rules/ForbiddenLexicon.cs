namespace Worldloom.Stories.Core.Rules;

/// <summary>
/// Category words for <c>no ...</c> rules: "no firearms" means no gun, pistol or musket either. A term that is no
/// category stands for itself. The lists are part of what a rule means, so entries are only ever added.
/// </summary>
public static class ForbiddenLexicon
{
    private static readonly Dictionary<string, string[]> Categories = new(StringComparer.Ordinal)
    {
        ["firearms"] = ["firearm", "gun", "handgun", "pistol", "rifle", "musket", "revolver", "shotgun", "bullet", "gunpowder", "cannon"],
        ["modern technology"] = ["phone", "smartphone", "computer", "laptop", "car", "television", "internet", "radio", "electricity", "airplane", "robot"],
        ["vehicles"] = ["car", "truck", "bus", "train", "bicycle", "motorcycle", "airplane", "carriage", "cart", "wagon"],
        ["magic"] = ["magic", "spell", "sorcery", "enchantment", "wizard", "witch", "curse", "potion"],
        ["gore"] = ["gore", "blood", "corpse", "severed", "entrails"],
        ["alcohol"] = ["ale", "beer", "wine", "mead", "whisky", "rum", "brandy", "drunk"],
    };

    /// <summary>The category names.</summary>
    public static IReadOnlyList<string> CategoryNames => [.. Categories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Each of <paramref name="terms"/>, followed by its category's words when it names a category; no repeats.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var phrases = new List<string>();
        foreach (var term in terms)
        {
            phrases.Add(term);
            if (Categories.TryGetValue(term, out var words))
            {
                phrases.AddRange(words);
            }
        }

        return phrases.Distinct(StringComparer.Ordinal).ToList();
    }
}
