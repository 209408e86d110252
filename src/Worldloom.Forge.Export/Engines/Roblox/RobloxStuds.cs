using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>Stud values written from integer hundredths, so positions print the same everywhere.</summary>
internal static class RobloxStuds
{
    public static string Hundredths(long value)
    {
        var sign = value < 0 ? "-" : "";
        var magnitude = Math.Abs(value);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / 100}.{magnitude % 100:D2}");
    }

    public static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}
