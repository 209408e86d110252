using System.Globalization;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Realtime;

/// <summary>The key of a zone grain: <c>"{realmId}/{x}/{y}"</c>.</summary>
public static class ZoneGrainKey
{
    /// <summary>The key of zone <paramref name="zone"/> of <paramref name="realmId"/>.</summary>
    public static string Format(Guid realmId, ZoneKey zone) =>
        string.Create(CultureInfo.InvariantCulture, $"{realmId}/{zone.X}/{zone.Y}");

    /// <summary>Reads a key back.</summary>
    /// <exception cref="FormatException">Not a zone grain key.</exception>
    public static (Guid RealmId, ZoneKey Zone) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('/');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "D", out var realm)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var x)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            throw new FormatException($"'{key}' is not a zone grain key (realm/x/y).");
        }

        return (realm, new ZoneKey(x, y));
    }
}
