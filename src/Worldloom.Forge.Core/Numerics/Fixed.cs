namespace Worldloom.Forge.Core.Numerics;

/// <summary>
/// Q16.16 fixed-point arithmetic on <see cref="int"/>: a value <c>v</c> stands for <c>v / 65536</c>. Products and
/// quotients go through 64-bit intermediates and round as documented per method, so every result is one exact integer
/// on every machine and runtime; results outside the <see cref="int"/> range wrap (two's complement), which the
/// generation code avoids by keeping its values within a few units.
/// </summary>
public static class Fixed
{
    /// <summary>Fractional bits.</summary>
    public const int Shift = 16;

    /// <summary>1.0 in Q16.16.</summary>
    public const int One = 1 << Shift;

    /// <summary>0.5 in Q16.16.</summary>
    public const int Half = One >> 1;

    /// <summary>The Q16.16 value of an integer.</summary>
    public static int FromInt(int value) => value << Shift;

    /// <summary>The Q16.16 value nearest to <paramref name="numerator"/> / <paramref name="denominator"/>, ties away from zero.</summary>
    public static int FromRatio(long numerator, long denominator) => RoundedDivide(numerator << Shift, denominator);

    /// <summary>The integer part, rounded toward negative infinity.</summary>
    public static int Floor(int value) => value >> Shift;

    /// <summary>Product, rounded to nearest with ties toward positive infinity (add half, then arithmetic shift).</summary>
    public static int Mul(int a, int b) => (int)((((long)a * b) + Half) >> Shift);

    /// <summary>Quotient, rounded to nearest with ties away from zero. Throws <see cref="DivideByZeroException"/> for 0.</summary>
    public static int Div(int a, int b) => RoundedDivide((long)a << Shift, b);

    /// <summary><paramref name="a"/> + (<paramref name="b"/> − <paramref name="a"/>)·<paramref name="t"/>, with <see cref="Mul"/>'s rounding; t = 0 gives a, t = One gives b exactly.</summary>
    public static int Lerp(int a, int b, int t) => a + Mul(b - a, t);

    /// <summary>Clamps <paramref name="value"/> to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;

    /// <summary>
    /// Cubic smoothstep 3t² − 2t³ of t in [0, One]; input outside that range is clamped first. The polynomial is
    /// evaluated exactly in integers and rounded once (to nearest, ties up), so the result is monotone and exact at
    /// 0, ½ and 1.
    /// </summary>
    public static int Smoothstep(int t)
    {
        long x = Clamp(t, 0, One);
        // x²(3·One − 2x) is below 2^51; dividing by One² returns to Q16.16.
        var exact = x * x * ((3L << Shift) - (2 * x));
        return (int)((exact + (1L << ((2 * Shift) - 1))) >> (2 * Shift));
    }

    /// <summary>
    /// Perlin's quintic fade 6t⁵ − 15t⁴ + 10t³ of t in [0, One]; input outside that range is clamped first. Its first
    /// and second derivatives vanish at 0 and 1, so noise built on it has no visible grid creases. Evaluated exactly in
    /// 128-bit integers and rounded once (to nearest, ties up): monotone, exact at 0, ½ and 1, and symmetric
    /// (fade(1 − t) = 1 − fade(t)) except by one unit where the exact value is a tie.
    /// </summary>
    public static int Fade(int t)
    {
        long x = Clamp(t, 0, One);
        // x³(6x² − 15x·One + 10·One²): the cube is below 2^49, the bracket positive and below 2^36.
        var bracket = (6 * x * x) - (15 * x * One) + (10L * One * One);
        var exact = (Int128)(x * x * x) * bracket;
        return (int)((exact + ((Int128)1 << ((4 * Shift) - 1))) >> (4 * Shift));
    }

    private static int RoundedDivide(long numerator, long denominator)
    {
        var quotient = numerator / denominator;
        var remainder = numerator % denominator;
        // Truncated division leaves |remainder| < |denominator|; round the magnitude up when the remainder is at least half.
        if (2 * Math.Abs(remainder) >= Math.Abs(denominator))
        {
            quotient += (numerator < 0) == (denominator < 0) ? 1 : -1;
        }

        return (int)quotient;
    }
}
