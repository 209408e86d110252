namespace Worldloom.Forge.Core.Documents;

/// <summary>The <c>encoding</c> names of world document layers: how the base64 <c>data</c> bytes hold one value per cell, row-major.</summary>
public static class LayerEncoding
{
    /// <summary>One unsigned byte per cell (biomes, moisture).</summary>
    public const string U8 = "u8";

    /// <summary>One signed byte per cell, two's complement (temperature).</summary>
    public const string I8 = "i8";

    /// <summary>Two bytes per cell, unsigned little-endian (height).</summary>
    public const string U16 = "u16le";

    /// <summary>Four bytes per cell, unsigned little-endian (flow, lakes, regions).</summary>
    public const string U32 = "u32le";

    /// <summary>Bytes per cell of <paramref name="encoding"/>.</summary>
    public static int BytesPerCell(string encoding) => encoding switch
    {
        U8 or I8 => 1,
        U16 => 2,
        U32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown layer encoding."),
    };
}
