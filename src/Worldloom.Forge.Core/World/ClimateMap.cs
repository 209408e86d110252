namespace Worldloom.Forge.Core.World;

/// <summary>
/// Temperature and moisture per cell, row-major like <see cref="Heightmap"/>. Temperature is the yearly mean in whole
/// degrees Celsius (−60..60); moisture is 0 (bone dry) to 100 (saturated). Both are what the biome table reads.
/// </summary>
public sealed class ClimateMap
{
    private readonly sbyte[] _temperature;
    private readonly byte[] _moisture;

    /// <summary>Wraps the arrays (taken, not copied); each must hold width × height values.</summary>
    public ClimateMap(int width, int height, sbyte[] temperature, byte[] moisture)
    {
        ArgumentNullException.ThrowIfNull(temperature);
        ArgumentNullException.ThrowIfNull(moisture);
        if (temperature.Length != (long)width * height || moisture.Length != temperature.Length)
        {
            throw new ArgumentException("Temperature and moisture must each hold width × height values.");
        }

        Width = width;
        Height = height;
        _temperature = temperature;
        _moisture = moisture;
    }

    /// <summary>Cells per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Mean temperature per cell in °C, row-major.</summary>
    public ReadOnlySpan<sbyte> Temperature => _temperature;

    /// <summary>Moisture per cell, 0–100, row-major.</summary>
    public ReadOnlySpan<byte> Moisture => _moisture;

    /// <summary>The temperature at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public int TemperatureAt(int x, int y) => _temperature[(y * Width) + x];

    /// <summary>The moisture at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public int MoistureAt(int x, int y) => _moisture[(y * Width) + x];
}
