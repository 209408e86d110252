namespace Worldloom.Realms;

/// <summary>The limits of Realms input, in one place so the model, the validation and the docs agree.</summary>
public static class RealmLimits
{
    /// <summary>Longest realm name.</summary>
    public const int MaxRealmNameLength = 100;

    /// <summary>Shortest character name.</summary>
    public const int MinCharacterNameLength = 2;

    /// <summary>Longest character name.</summary>
    public const int MaxCharacterNameLength = 24;

    /// <summary>Longest class id.</summary>
    public const int MaxClassIdLength = 32;

    /// <summary>Characters one user may have in one realm.</summary>
    public const int MaxCharactersPerRealm = 20;

    /// <summary>Realms one user may own.</summary>
    public const int MaxRealmsPerUser = 50;

    /// <summary>
    /// Whether a character name is acceptable: letters, digits, spaces, apostrophes and hyphens, starting with a
    /// letter, no two spaces in a row (names are shown over heads; control and invisible characters would spoof them).
    /// </summary>
    public static bool IsCharacterName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsLetter(name[0]))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = char.IsLetterOrDigit(c) || c is '\'' or '-' || (c == ' ' && name[i - 1] != ' ');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
