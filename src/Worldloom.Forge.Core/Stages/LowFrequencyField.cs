using Worldloom.Forge.Core.Noise;
using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Smooth noise for climate wobble: <see cref="FractalNoise"/> sampled on a lattice of <see cref="LatticeSteps"/>
/// intervals across the map's longer side and interpolated bilinearly per cell. The lattice is fixed in world units,
/// so a 64² preview and a 4096² world of one seed wobble alike, and the cost is a few table lerps per cell whatever
/// the octave count.
/// </summary>
internal static class LowFrequencyField
{
    /// <summary>Lattice intervals across the longer side of the map.</summary>
    public const int LatticeSteps = 64;

    /// <summary>
    /// The field, Q16.16 within ±<see cref="GradientNoise.Bound"/>, per cell row-major: <paramref name="baseCells"/>
    /// noise cells span the longer side, with <paramref name="octaves"/> octaves of gain ½. Draws the noise's
    /// permutation and offsets from <paramref name="rng"/>.
    /// </summary>
    public static int[] Generate(ChaChaRng rng, int width, int height, int baseCells, int octaves)
    {
        var noise = new FractalNoise(rng, octaves, Fixed.Half);
        var maxDim = Math.Max(width, height);
        var latticeW = (LatticeSteps * width / maxDim) + 2;
        var latticeH = (LatticeSteps * height / maxDim) + 2;
        var lattice = new int[latticeW * latticeH];
        for (var ly = 0; ly < latticeH; ly++)
        {
            for (var lx = 0; lx < latticeW; lx++)
            {
                lattice[(ly * latticeW) + lx] = noise.Sample(
                    (int)((long)lx * baseCells * Fixed.One / LatticeSteps),
                    (int)((long)ly * baseCells * Fixed.One / LatticeSteps));
            }
        }

        var (indexX, fractionX) = Axis(width, maxDim);
        var (indexY, fractionY) = Axis(height, maxDim);
        var field = new int[width * height];
        // Rows are independent reads of the lattice, so computing them in parallel changes no byte.
        Parallel.For(0, height, y =>
        {
            var top = indexY[y] * latticeW;
            var bottom = top + latticeW;
            var fy = fractionY[y];
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var lx = indexX[x];
                var fx = fractionX[x];
                var upper = Fixed.Lerp(lattice[top + lx], lattice[top + lx + 1], fx);
                var lower = Fixed.Lerp(lattice[bottom + lx], lattice[bottom + lx + 1], fx);
                field[row + x] = Fixed.Lerp(upper, lower, fy);
            }
        });

        return field;
    }

    // Lattice index and Q16.16 fraction of each cell centre on an axis of `size` cells.
    private static (int[] Index, int[] Fraction) Axis(int size, int maxDim)
    {
        var index = new int[size];
        var fraction = new int[size];
        for (var i = 0; i < size; i++)
        {
            var position = ((2L * i) + 1) * LatticeSteps * Fixed.One / (2L * maxDim);
            index[i] = (int)(position >> Fixed.Shift);
            fraction[i] = (int)(position & (Fixed.One - 1));
        }

        return (index, fraction);
    }
}
