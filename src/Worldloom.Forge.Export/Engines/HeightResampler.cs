using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Export.Engines;

/// <summary>Bilinear resampling of a heightmap in integer arithmetic, so every machine gets the same samples.</summary>
internal static class HeightResampler
{
    public static ushort[] Resample(Heightmap map, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        var cells = map.Cells;
        var output = new ushort[width * height];
        for (var y = 0; y < height; y++)
        {
            // Source position in 16.16 fixed point; the last output row lands exactly on the last source row.
            var sy = (long)y * (map.Height - 1) * 65536 / (height - 1);
            var y0 = (int)(sy >> 16);
            var y1 = Math.Min(y0 + 1, map.Height - 1);
            var fy = sy & 0xFFFF;
            for (var x = 0; x < width; x++)
            {
                var sx = (long)x * (map.Width - 1) * 65536 / (width - 1);
                var x0 = (int)(sx >> 16);
                var x1 = Math.Min(x0 + 1, map.Width - 1);
                var fx = sx & 0xFFFF;
                long top = (cells[(y0 * map.Width) + x0] * (65536 - fx)) + (cells[(y0 * map.Width) + x1] * fx);
                long bottom = (cells[(y1 * map.Width) + x0] * (65536 - fx)) + (cells[(y1 * map.Width) + x1] * fx);
                var value = ((top * (65536 - fy)) + (bottom * fy) + (1L << 31)) >> 32;
                output[(y * width) + x] = (ushort)value;
            }
        }

        return output;
    }
}
