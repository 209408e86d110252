using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages;

/// <summary>Runs the pipeline's stages in order up to and including one, as <see cref="WorldPipeline.Generate"/> would.</summary>
internal static class StageWorlds
{
    public static ForgeWorld Through(string lastStage, string seed, WorldParameters parameters)
    {
        var world = new ForgeWorld(ForgeSeed.Parse(seed), parameters);
        foreach (var stage in WorldPipeline.Stages)
        {
            stage.Run(world, ChaChaRng.ForStage(world.Seed.Bytes, stage.Name));
            if (stage.Name == lastStage)
            {
                return world;
            }
        }

        throw new ArgumentException($"No stage named {lastStage}.", nameof(lastStage));
    }

    public static ForgeWorld Through(string lastStage, string seed, int size, WorldPreset preset = WorldPreset.Continent, int seaLevel = 50) =>
        Through(lastStage, seed, new WorldParameters { Width = size, Height = size, Preset = preset, SeaLevel = seaLevel });

    /// <summary>A heightmap of <paramref name="width"/> × <paramref name="height"/> from a function of (x, y), sea level 32767.</summary>
    public static Heightmap Synthetic(int width, int height, Func<int, int, int> elevation)
    {
        var cells = new ushort[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                cells[(y * width) + x] = (ushort)Math.Clamp(elevation(x, y), 0, ushort.MaxValue);
            }
        }

        return new Heightmap(width, height, SeaLevel, cells);
    }

    public const ushort SeaLevel = 32767;

    /// <summary>Mean of <paramref name="values"/> over the cells where <paramref name="where"/> holds.</summary>
    public static double Mean(ReadOnlySpan<sbyte> values, Func<int, bool> where) => Mean(values.ToArray().Select(v => (int)v).ToArray(), where);

    /// <inheritdoc cref="Mean(ReadOnlySpan{sbyte}, Func{int, bool})"/>
    public static double Mean(ReadOnlySpan<byte> values, Func<int, bool> where) => Mean(values.ToArray().Select(v => (int)v).ToArray(), where);

    private static double Mean(int[] values, Func<int, bool> where)
    {
        var selected = Enumerable.Range(0, values.Length).Where(where).Select(i => values[i]).ToArray();
        Assert.NotEmpty(selected);
        return selected.Average();
    }
}
