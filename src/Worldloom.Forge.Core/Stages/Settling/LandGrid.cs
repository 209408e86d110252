using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// Dry land (above sea level and not lake) labelled by 8-connected landmass. People live, travel and rule on dry land
/// only, so the settlement, road and region stages all read land this way. Landmass labels run from 1 in row-major
/// order of each landmass's first cell, so they are stable for a given map.
/// </summary>
internal sealed class LandGrid
{
    /// <summary>Cell kind: sea (at or below sea level, not lake).</summary>
    public const byte Sea = 0;

    /// <summary>Cell kind: dry land.</summary>
    public const byte Land = 1;

    /// <summary>Cell kind: lake.</summary>
    public const byte Lake = 2;

    private int[]? _cellsByLandmass;
    private int[]? _landmassStarts;

    private LandGrid(int width, int height, byte[] kinds, int[] labels, int[] sizes, int landCells)
    {
        Width = width;
        Height = height;
        Kinds = kinds;
        Labels = labels;
        Sizes = sizes;
        LandCells = landCells;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary><see cref="Sea"/>, <see cref="Land"/> or <see cref="Lake"/> per cell, row-major.</summary>
    public byte[] Kinds { get; }

    /// <summary>Landmass per cell (1-based), 0 on water.</summary>
    public int[] Labels { get; }

    /// <summary>Cells per landmass, indexed by label; entry 0 is unused.</summary>
    public int[] Sizes { get; }

    /// <summary>Number of landmasses.</summary>
    public int Count => Sizes.Length - 1;

    /// <summary>Dry land cells in all.</summary>
    public int LandCells { get; }

    /// <summary>
    /// The dry land of <paramref name="world"/>. Throws <see cref="InvalidOperationException"/> when the heightmap,
    /// climate, biome or hydrology layer is missing or does not match the world's size.
    /// </summary>
    public static LandGrid Of(ForgeWorld world, string stage)
    {
        var heightmap = ForgeWorld.Require(world.Heightmap, "heightmap");
        var climate = ForgeWorld.Require(world.Climate, "climate");
        var biomes = ForgeWorld.Require(world.Biomes, "biomes");
        var hydrology = ForgeWorld.Require(world.Hydrology, "hydrology");
        CheckSize(world, stage, "heightmap", heightmap.Width, heightmap.Height);
        CheckSize(world, stage, "climate", climate.Width, climate.Height);
        CheckSize(world, stage, "biome", biomes.Width, biomes.Height);
        CheckSize(world, stage, "hydrology", hydrology.Width, hydrology.Height);

        int width = world.Width, height = world.Height, n = width * height;
        var elevation = heightmap.Cells;
        var lakes = hydrology.LakeCells;
        var sea = heightmap.SeaLevel;
        var kinds = new byte[n];
        for (var i = 0; i < n; i++)
        {
            kinds[i] = lakes[i] != 0 ? Lake : elevation[i] > sea ? Land : Sea;
        }

        var labels = new int[n];
        var sizes = new List<int> { 0 };
        // The fill's stack grows on demand: it holds the frontier, which is far smaller than the map.
        var stack = new int[1024];
        var landCells = 0;
        for (var start = 0; start < n; start++)
        {
            if (kinds[start] != Land || labels[start] != 0)
            {
                continue;
            }

            var label = sizes.Count;
            var size = 0;
            var top = 0;
            labels[start] = label;
            stack[top++] = start;
            while (top > 0)
            {
                var cell = stack[--top];
                size++;
                int x = cell % width, y = cell / width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if ((uint)ny >= (uint)height)
                    {
                        continue;
                    }

                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        var next = (ny * width) + nx;
                        if ((uint)nx < (uint)width && kinds[next] == Land && labels[next] == 0)
                        {
                            if (top == stack.Length)
                            {
                                Array.Resize(ref stack, stack.Length * 2);
                            }

                            labels[next] = label;
                            stack[top++] = next;
                        }
                    }
                }
            }

            sizes.Add(size);
            landCells += size;
        }

        return new LandGrid(width, height, kinds, labels, [.. sizes], landCells);
    }

    /// <summary>The cells of landmass <paramref name="label"/>, in row-major order.</summary>
    public ReadOnlySpan<int> CellsOf(int label)
    {
        if (_cellsByLandmass is null || _landmassStarts is null)
        {
            // Counting sort by label: one pass to size the groups, one to fill them, so cells stay row-major.
            var starts = new int[Sizes.Length + 1];
            for (var l = 1; l < Sizes.Length; l++)
            {
                starts[l + 1] = starts[l] + Sizes[l];
            }

            var fill = (int[])starts.Clone();
            var cells = new int[LandCells];
            for (var i = 0; i < Labels.Length; i++)
            {
                if (Labels[i] != 0)
                {
                    cells[fill[Labels[i]]++] = i;
                }
            }

            _cellsByLandmass = cells;
            _landmassStarts = starts;
        }

        return _cellsByLandmass.AsSpan(_landmassStarts[label], Sizes[label]);
    }

    private static void CheckSize(ForgeWorld world, string stage, string layer, int width, int height)
    {
        if (width != world.Width || height != world.Height)
        {
            throw new InvalidOperationException(
                $"The {stage} stage needs a {world.Width}×{world.Height} {layer} layer; it is {width}×{height}.");
        }
    }
}
