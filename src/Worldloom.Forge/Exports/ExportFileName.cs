using System.Text;

namespace Worldloom.Forge.Exports;

/// <summary>The file name a bundle downloads as: the world's name as a slug and the first 8 digits of its hash.</summary>
public static class ExportFileName
{
    private const int MaxSlug = 48;

    // U+00C0–U+00FF folded to ASCII ('-' for × and ÷). The server runs with invariant globalization, where
    // string.Normalize does not decompose accents, so the common Latin ones are folded by this table instead.
    private const string Latin1 = "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty";

    /// <summary><c>dragon-coast-1a2b3c4d.zip</c>: ASCII letters and digits joined by single hyphens, safe on every system.</summary>
    public static string For(string worldName, string worldHash)
    {
        ArgumentNullException.ThrowIfNull(worldName);
        ArgumentNullException.ThrowIfNull(worldHash);
        var slug = new StringBuilder(MaxSlug);
        foreach (var c in worldName)
        {
            if (slug.Length >= MaxSlug)
            {
                break;
            }

            var folded = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is >= '\u00C0' and <= '\u00FF' ? Latin1[c - '\u00C0'] : '-';
            if (folded != '-')
            {
                slug.Append(folded);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        return $"{(name.Length == 0 ? "world" : name)}-{worldHash[..Math.Min(8, worldHash.Length)]}.zip";
    }
}
