using System.Text;

namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// Entity ids: a kind prefix (<c>char_</c>, <c>loc_</c>, <c>prop_</c>, <c>beast_</c>) and a lower-case ASCII stem of
/// letters, digits and underscores, at most <see cref="MaxLength"/> characters in all. The prefix makes a rule like
/// <c>loc_tower is north of loc_river</c> readable without a lookup, and lets the parser say which kind it expects.
/// </summary>
public static class EntityIds
{
    /// <summary>Longest id.</summary>
    public const int MaxLength = 48;

    private static readonly (string Prefix, EntityKind Kind)[] Prefixes =
    [
        ("char_", EntityKind.Character), ("loc_", EntityKind.Location), ("prop_", EntityKind.Prop), ("beast_", EntityKind.Creature),
    ];

    /// <summary>The prefix of ids of <paramref name="kind"/>.</summary>
    public static string PrefixOf(EntityKind kind) => Prefixes.First(p => p.Kind == kind).Prefix;

    /// <summary>The kind an id names, or null when it is no well-formed id.</summary>
    public static EntityKind? KindOf(string? id)
    {
        if (id is null || id.Length > MaxLength)
        {
            return null;
        }

        foreach (var (prefix, kind) in Prefixes)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && IsStem(id.AsSpan(prefix.Length)))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="id"/> is well formed.</summary>
    public static bool IsValid(string? id) => KindOf(id) is not null;

    /// <summary>What a well-formed id looks like, for error messages.</summary>
    public static string Describe() =>
        $"an entity id: char_, loc_, prop_ or beast_ then lower-case letters, digits and underscores (at most {MaxLength} characters)";

    /// <summary>
    /// An id of <paramref name="kind"/> made from a display name ("Mira Vell" → <c>char_mira_vell</c>): ASCII letters
    /// and digits kept, any run of anything else one underscore (no Unicode folding: it needs ICU, which invariant
    /// globalization lacks, and ids must not depend on runtime settings). <paramref name="fallback"/> stands in when
    /// nothing is left. The caller makes it unique.
    /// </summary>
    public static string FromName(EntityKind kind, string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stem = new StringBuilder();
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                stem.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                stem.Append(char.ToLowerInvariant(c));
            }
            else if (stem.Length > 0 && stem[^1] != '_')
            {
                stem.Append('_');
            }
        }

        var text = stem.ToString().Trim('_');
        if (text.Length == 0)
        {
            text = fallback;
        }

        var prefix = PrefixOf(kind);
        var room = MaxLength - prefix.Length - 4;
        return prefix + (text.Length > room ? text[..room].TrimEnd('_') : text);
    }

    private static bool IsStem(ReadOnlySpan<char> stem)
    {
        if (stem.IsEmpty || stem[0] == '_')
        {
            return false;
        }

        foreach (var c in stem)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
