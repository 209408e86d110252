using System.Text;

namespace Worldloom.Forge.Exports;

/// <summary>The file name a bundle downloads as: the world's name as a slug and the first 8 digits of its hash.</summary>
public static class ExportFileName
{
    private const int MaxSlug = 48;

    /// <summary><c>dragon-coast-1a2b3c4d.zip</c>: ASCII letters and digits joined by single hyphens, safe on every system.</summary>
    public static string For(string worldName, string worldHash)
    {
        ArgumentNullException.ThrowIfNull(worldName);
        ArgumentNullException.ThrowIfNull(worldHash);
        var slug = new StringBuilder(MaxSlug);
        foreach (var c in worldName.Normalize(NormalizationForm.FormD))
        {
            if (slug.Length >= MaxSlug)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark
                && slug.Length > 0 && slug[^1] != '-')
            {
                // Accents fall away with their base letter kept (é → e); anything else separates words.
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        return $"{(name.Length == 0 ? "world" : name)}-{worldHash[..Math.Min(8, worldHash.Length)]}.zip";
    }
}
