using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Export.Engines.GameMaker;

/// <summary>
/// A tile layer's cells in GameMaker's run-length form (<c>TileDataFormat</c> 1): a negative count -n followed by one
/// value repeated n times, or a positive count n followed by n values as they are. Tile value = biome + 1, since tile
/// 0 is the empty tile. Written as one compact JSON array: seas and plains make long runs, so 512² grids stay small.
/// </summary>
internal static class GameMakerTileData
{
    public static string CompressedArray(ReadOnlySpan<byte> biomes)
    {
        var text = new StringBuilder(biomes.Length);
        text.Append('[');
        var literalsFrom = 0;
        var i = 0;
        while (i < biomes.Length)
        {
            var run = 1;
            while (i + run < biomes.Length && biomes[i + run] == biomes[i])
            {
                run++;
            }

            if (run < 2)
            {
                i++;
                continue;
            }

            Literals(text, biomes[literalsFrom..i]);
            Append(text, -run);
            Append(text, biomes[i] + 1);
            i += run;
            literalsFrom = i;
        }

        Literals(text, biomes[literalsFrom..]);
        return text.Append(']').ToString();
    }

    private static void Literals(StringBuilder text, ReadOnlySpan<byte> biomes)
    {
        if (biomes.IsEmpty)
        {
            return;
        }

        Append(text, biomes.Length);
        foreach (var biome in biomes)
        {
            Append(text, biome + 1);
        }
    }

    private static void Append(StringBuilder text, int value)
    {
        if (text.Length > 1)
        {
            text.Append(',');
        }

        text.Append(CultureInfo.InvariantCulture, $"{value}");
    }
}
