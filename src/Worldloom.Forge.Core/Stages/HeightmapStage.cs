using System.Numerics;
using Worldloom.Forge.Core.Noise;
using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// The first pipeline stage: elevation from fractal gradient noise, shaped by the preset's landmass falloff, mapped
/// to 0..65535 and smoothed by a thermal erosion pass. Integer and Q16.16 arithmetic only; every random number comes
/// from the <see cref="StreamName"/> stream of the seed, so the result is the same bytes on every machine. Cost is
/// linear in cells: a fixed number of octaves per size and a fixed number of erosion sweeps.
/// </summary>
public sealed class HeightmapStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "heightmap";

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        world.Heightmap = Generate(world.Parameters, rng);
    }

    /// <summary>Thermal erosion sweeps over the whole map.</summary>
    public const int ErosionIterations = 6;

    // Shaped value ±1.0 maps to ±(3/8)·65536 around mid-range, so ordinary terrain (|value| ≤ 1.33) is not clipped.
    private const int ElevationScaleNumerator = 3;
    private const int ElevationScaleDenominator = 8;
    private const int MidElevation = 32768;

    /// <summary>
    /// Generates the heightmap of <paramref name="seed"/> and <paramref name="parameters"/>. Throws
    /// <see cref="ArgumentException"/> naming the fields when the parameters are out of range.
    /// </summary>
    public static Heightmap Generate(ForgeSeed seed, WorldParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return Generate(parameters, ChaChaRng.ForStage(seed.Bytes, StreamName));
    }

    private static Heightmap Generate(WorldParameters parameters, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = parameters.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(parameters));
        }

        int width = parameters.Width, height = parameters.Height;
        var shape = PresetShape.For(parameters.Preset);
        var maxDim = Math.Max(width, height);
        var noise = new FractalNoise(rng, Octaves(maxDim, shape.BaseCells), Gain(parameters.Roughness));

        // Noise coordinates and squared falloff distances depend on one axis each: computed once per column and row.
        var noiseX = new int[width];
        var fallX = new int[width];
        for (var x = 0; x < width; x++)
        {
            noiseX[x] = CellCentre(x, maxDim, shape.BaseCells);
            var dx = Fixed.FromRatio((2L * x) + 1 - width, width);
            fallX[x] = Fixed.Mul(dx, dx);
        }

        var noiseY = new int[height];
        var fallY = new int[height];
        var reach = 2L * Math.Max(shape.CentreYPercent, 100 - shape.CentreYPercent) * height;
        for (var y = 0; y < height; y++)
        {
            noiseY[y] = CellCentre(y, maxDim, shape.BaseCells);
            var dy = Fixed.FromRatio((((2L * y) + 1) * 100) - (2L * shape.CentreYPercent * height), reach);
            fallY[y] = Fixed.Mul(dy, dy);
        }

        var elevation = new int[width * height];
        // Rows are independent pure functions of their coordinates, so computing them in parallel changes no byte.
        Parallel.For(0, height, y =>
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var value = Fixed.Mul(shape.Amplitude, noise.Sample(noiseX[x], noiseY[y]))
                    + shape.Base
                    - Fixed.Mul(shape.Falloff, fallX[x] + fallY[y]);
                var scaled = MidElevation + (int)((long)value * ElevationScaleNumerator / ElevationScaleDenominator);
                elevation[row + x] = Fixed.Clamp(scaled, 0, ushort.MaxValue);
            }
        });

        ThermalErosion.Apply(elevation, width, height, Talus(maxDim), ErosionIterations);

        var cells = new ushort[elevation.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = (ushort)elevation[i];
        }

        return new Heightmap(width, height, SeaElevation(parameters.SeaLevel), cells);
    }

    /// <summary>The elevation of sea level <paramref name="percent"/> (0–100): percent·65535/100, rounded down.</summary>
    public static ushort SeaElevation(int percent) => (ushort)(Fixed.Clamp(percent, 0, 100) * ushort.MaxValue / 100);

    // Enough octaves that the finest has a wavelength of about four cells, and at least three.
    private static int Octaves(int maxDim, int baseCells) =>
        Math.Max(3, BitOperations.Log2((uint)(maxDim / (4 * baseCells))) + 1);

    // Roughness 0–100 gives gain 0.35–0.70: rougher maps keep more of the fine octaves.
    private static int Gain(int roughness) => Fixed.FromRatio(3500 + (35L * roughness), 10000);

    // The steepest stable slope, in elevation units per cell, scaled with the map so a bigger map of the same world
    // erodes to the same slopes in world units.
    private static int Talus(int maxDim) => Math.Max(8, 3 * ushort.MaxValue / maxDim);

    // Q16.16 noise coordinate of the centre of cell i on an axis of maxDim cells holding baseCells noise cells.
    private static int CellCentre(int i, int maxDim, int baseCells) =>
        (int)(((2L * i) + 1) * baseCells * Fixed.One / (2L * maxDim));
}
