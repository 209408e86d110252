using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Core.Noise;

/// <summary>
/// Fractal sum of <see cref="GradientNoise"/> octaves (fractional Brownian motion): octave i samples at frequency 2^i
/// (lacunarity 2) with amplitude gain^i, and the sum is divided by the total amplitude, so the result stays within
/// [−<see cref="GradientNoise.Bound"/>, <see cref="GradientNoise.Bound"/>] whatever the octave count or gain. Each
/// octave gets its own random lattice offset, so the octaves do not all vanish together at the origin. Immutable and
/// safe to share between threads.
/// </summary>
public sealed class FractalNoise
{
    /// <summary>Most octaves allowed: at 2^15 the finest octave of a 4096-cell map is already far below one cell.</summary>
    public const int MaxOctaves = 16;

    private readonly GradientNoise _noise;
    private readonly int[] _offsetX;
    private readonly int[] _offsetY;
    private readonly int[] _amplitude;
    private readonly long _amplitudeSum;

    /// <summary>
    /// Draws the permutation and one offset pair per octave from <paramref name="rng"/>, in that order.
    /// <paramref name="gain"/> is Q16.16 in (0, One].
    /// </summary>
    public FractalNoise(ChaChaRng rng, int octaves, int gain)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(octaves, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(octaves, MaxOctaves);
        ArgumentOutOfRangeException.ThrowIfLessThan(gain, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gain, Fixed.One);

        _noise = new GradientNoise(rng);
        Octaves = octaves;
        Gain = gain;
        _offsetX = new int[octaves];
        _offsetY = new int[octaves];
        _amplitude = new int[octaves];
        var amplitude = Fixed.One;
        for (var i = 0; i < octaves; i++)
        {
            // Offsets anywhere in the 256-cell period, with a random fraction, as raw 24-bit Q16.16 values.
            _offsetX[i] = (int)(rng.NextUInt32() & 0xFFFFFF);
            _offsetY[i] = (int)(rng.NextUInt32() & 0xFFFFFF);
            _amplitude[i] = amplitude;
            _amplitudeSum += amplitude;
            amplitude = Math.Max(1, Fixed.Mul(amplitude, gain));
        }
    }

    /// <summary>Number of octaves summed.</summary>
    public int Octaves { get; }

    /// <summary>Amplitude ratio between successive octaves, Q16.16.</summary>
    public int Gain { get; }

    /// <summary>The normalised fractal sum at (<paramref name="x"/>, <paramref name="y"/>), Q16.16 lattice units of the first octave.</summary>
    public int Sample(int x, int y)
    {
        long sum = 0;
        for (var i = 0; i < Octaves; i++)
        {
            // Shifting may overflow int; GradientNoise reads only the low 24 bits, which the shift keeps exact.
            var sx = unchecked((x << i) + _offsetX[i]);
            var sy = unchecked((y << i) + _offsetY[i]);
            sum += (long)_noise.Sample(sx, sy) * _amplitude[i];
        }

        // A weighted mean of values in [−Bound, Bound] stays in that range; round half away from zero.
        var half = _amplitudeSum / 2;
        return (int)(sum >= 0 ? (sum + half) / _amplitudeSum : -((-sum + half) / _amplitudeSum));
    }
}
