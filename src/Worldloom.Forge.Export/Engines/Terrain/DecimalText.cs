using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Terrain;

/// <summary>
/// Writes a ratio of integers as a decimal number in integer arithmetic, so scales and positions in exported text are
/// the same on every machine without floating point.
/// </summary>
internal static class DecimalText
{
    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/> rounded half away from zero to at most
    /// <paramref name="places"/> decimals, trailing zeros dropped: <c>Of(127000, 504, 4)</c> is <c>251.9841</c>.
    /// </summary>
    public static string Of(long numerator, long denominator, int places = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(places);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(places, 9);
        var scale = 1L;
        for (var i = 0; i < places; i++)
        {
            scale *= 10;
        }

        var negative = numerator < 0;
        var magnitude = Math.Abs(numerator);
        var scaled = checked(((magnitude * scale * 2) + denominator) / (denominator * 2));
        var whole = scaled / scale;
        var fraction = scaled % scale;
        var sign = negative && scaled != 0 ? "-" : "";
        if (fraction == 0)
        {
            return sign + whole.ToString(CultureInfo.InvariantCulture);
        }

        var digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(places, '0').TrimEnd('0');
        return $"{sign}{whole.ToString(CultureInfo.InvariantCulture)}.{digits}";
    }
}
