using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Splits the river cells (land, not lake, runoff at least the river threshold) into rivers. Runoff only grows
/// downstream, so the cell a river cell drains to is again a river cell, the sea or a lake. At a confluence the
/// upstream branch with the larger flow (ties: the lower cell index) carries on as the main river and the others end
/// there as tributaries. Sources are river cells no river cell drains into, taken in row-major order.
/// </summary>
internal static class RiverTracer
{
    /// <summary>A river before naming: its cells (the last is the sea, a lake or the river it joins), its end, and the flow of its last own cell.</summary>
    public readonly record struct Traced(int[] Path, RiverMouth Mouth, int LakeIndex, int Flow);

    public static List<Traced> Trace(int[] receiver, int[] flow, int[] runoff, int[] lakeIndex, ushort[] cells, int seaLevel, long riverRunoff)
    {
        var n = cells.Length;
        var isRiver = new bool[n];
        for (var i = 0; i < n; i++)
        {
            isRiver[i] = cells[i] > seaLevel && lakeIndex[i] == 0 && runoff[i] >= riverRunoff;
        }

        // The main upstream branch of each river cell; row-major scan, so on equal flow the lower index stays.
        var mainUpstream = new int[n];
        Array.Fill(mainUpstream, -1);
        for (var i = 0; i < n; i++)
        {
            var down = receiver[i];
            if (isRiver[i] && down >= 0 && isRiver[down] && (mainUpstream[down] < 0 || flow[i] > flow[mainUpstream[down]]))
            {
                mainUpstream[down] = i;
            }
        }

        var hasUpstream = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (isRiver[i] && receiver[i] >= 0)
            {
                hasUpstream[receiver[i]] = true;
            }
        }

        var rivers = new List<Traced>();
        var path = new List<int>();
        for (var source = 0; source < n; source++)
        {
            if (!isRiver[source] || hasUpstream[source])
            {
                continue;
            }

            path.Clear();
            path.Add(source);
            var current = source;
            RiverMouth mouth;
            while (true)
            {
                var down = receiver[current];
                path.Add(down);
                if (cells[down] <= seaLevel)
                {
                    mouth = RiverMouth.Sea;
                    break;
                }

                if (lakeIndex[down] != 0)
                {
                    mouth = RiverMouth.Lake;
                    break;
                }

                if (mainUpstream[down] != current)
                {
                    mouth = RiverMouth.River;
                    break;
                }

                current = down;
            }

            var end = path[^1];
            rivers.Add(new Traced([.. path], mouth, mouth == RiverMouth.Lake ? lakeIndex[end] : 0, flow[current]));
        }

        return rivers;
    }
}
