using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Core.Noise;

/// <summary>
/// Two-dimensional gradient (Perlin-style) noise in Q16.16 fixed point. Lattice points get one of 256 unit gradients
/// spaced evenly around the circle (from <see cref="Trig"/>), chosen through a permutation of 0..255 that a stage's
/// <see cref="ChaChaRng"/> shuffles; corner contributions blend with the quintic <see cref="Fixed.Fade"/>.
/// Single-octave output lies in [−<see cref="Bound"/>, <see cref="Bound"/>]: with unit gradients 2D Perlin noise peaks
/// at √2/2, plus a few units of rounding. The noise repeats every 256 lattice cells. Instances are immutable after
/// construction and safe to share between threads.
/// </summary>
public sealed class GradientNoise
{
    /// <summary>The largest magnitude one octave can return: ⌈65536·√2/2⌉ plus 8 units of rounding slack.</summary>
    public const int Bound = 46341 + 8;

    private const int Size = 256;
    private const int Mask = Size - 1;
    private const int AngleStep = Trig.AnglesPerTurn / Size;

    private static readonly int[] GradientX = BuildGradients(isX: true);
    private static readonly int[] GradientY = BuildGradients(isX: false);

    // The permutation written twice, so perm[perm[x] + y + 1] needs no wrap.
    private readonly byte[] _perm = new byte[2 * Size];

    /// <summary>Builds the permutation with a Fisher–Yates shuffle drawing from <paramref name="rng"/> (255 draws).</summary>
    public GradientNoise(ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var values = new byte[Size];
        for (var i = 0; i < Size; i++)
        {
            values[i] = (byte)i;
        }

        for (var i = Size - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }

        values.CopyTo(_perm, 0);
        values.CopyTo(_perm, Size);
    }

    /// <summary>
    /// Noise at (<paramref name="x"/>, <paramref name="y"/>), both Q16.16 in lattice units. Any int is valid: only the
    /// low 24 bits matter (the lattice index modulo 256 and the fraction), so coordinates that wrapped when scaled still
    /// sample the same periodic field.
    /// </summary>
    public int Sample(int x, int y)
    {
        var xi = (x >> Fixed.Shift) & Mask;
        var yi = (y >> Fixed.Shift) & Mask;
        var xf = x & (Fixed.One - 1);
        var yf = y & (Fixed.One - 1);

        int a = _perm[xi], b = _perm[xi + 1];
        var n00 = Dot(_perm[a + yi], xf, yf);
        var n10 = Dot(_perm[b + yi], xf - Fixed.One, yf);
        var n01 = Dot(_perm[a + yi + 1], xf, yf - Fixed.One);
        var n11 = Dot(_perm[b + yi + 1], xf - Fixed.One, yf - Fixed.One);

        var u = Fixed.Fade(xf);
        var v = Fixed.Fade(yf);
        return Fixed.Lerp(Fixed.Lerp(n00, n10, u), Fixed.Lerp(n01, n11, u), v);
    }

    private static int Dot(int gradient, int dx, int dy) =>
        (int)((((long)GradientX[gradient] * dx) + ((long)GradientY[gradient] * dy) + Fixed.Half) >> Fixed.Shift);

    private static int[] BuildGradients(bool isX)
    {
        var table = new int[Size];
        for (var i = 0; i < Size; i++)
        {
            table[i] = isX ? Trig.Cos(i * AngleStep) : Trig.Sin(i * AngleStep);
        }

        return table;
    }
}
