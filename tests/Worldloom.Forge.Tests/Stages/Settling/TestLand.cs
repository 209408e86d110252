using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Stages.Settling;

/// <summary>
/// The tests' own reading of a world's land, written independently of the stages: dry land is above sea level and
/// not lake, landmasses are its 8-connected components.
/// </summary>
internal sealed class TestLand
{
    private TestLand(int width, int height, bool[] dry, bool[] sea, int[] labels, int count)
    {
        Width = width;
        Height = height;
        Dry = dry;
        Sea = sea;
        Labels = labels;
        Count = count;
    }

    public int Width { get; }

    public int Height { get; }

    public bool[] Dry { get; }

    public bool[] Sea { get; }

    public int[] Labels { get; }

    public int Count { get; }

    public static TestLand Of(ForgeWorld world)
    {
        var map = world.Heightmap!;
        var lakes = world.Hydrology!.LakeCells;
        int width = map.Width, height = map.Height, n = width * height;
        var dry = new bool[n];
        var sea = new bool[n];
        for (var i = 0; i < n; i++)
        {
            dry[i] = map.Cells[i] > map.SeaLevel && lakes[i] == 0;
            sea[i] = map.Cells[i] <= map.SeaLevel && lakes[i] == 0;
        }

        var labels = Components(dry, width, height, out var count);
        return new TestLand(width, height, dry, sea, labels, count);
    }

    public int Cell(GridPoint p) => (p.Y * Width) + p.X;

    public bool IsDry(GridPoint p) => p.X >= 0 && p.Y >= 0 && p.X < Width && p.Y < Height && Dry[Cell(p)];

    public int LabelOf(GridPoint p) => Labels[Cell(p)];

    public int SizeOf(int label) => Labels.Count(l => l == label);

    /// <summary>8-connected components of the cells where <paramref name="member"/> holds, labelled from 1.</summary>
    public static int[] Components(bool[] member, int width, int height, out int count)
    {
        var labels = new int[member.Length];
        count = 0;
        var queue = new Queue<int>();
        for (var start = 0; start < member.Length; start++)
        {
            if (!member[start] || labels[start] != 0)
            {
                continue;
            }

            labels[start] = ++count;
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var i = queue.Dequeue();
                int x = i % width, y = i / width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        {
                            continue;
                        }

                        var j = (ny * width) + nx;
                        if (member[j] && labels[j] == 0)
                        {
                            labels[j] = count;
                            queue.Enqueue(j);
                        }
                    }
                }
            }
        }

        return labels;
    }
}
