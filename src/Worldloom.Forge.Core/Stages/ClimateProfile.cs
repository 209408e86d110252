using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// How a preset sets the climate: sea-level temperatures at the north and south rows (°C, linear in between),
/// a moisture shift in points, and how fast air dries over land (percent of the default rate).
/// </summary>
internal readonly record struct ClimateProfile(int NorthCelsius, int SouthCelsius, int MoistureShift, int DryingPercent)
{
    public static ClimateProfile For(WorldPreset preset) => preset switch
    {
        // About 65°N to 10°N: tundra on the northern coasts, hot lands in the south.
        WorldPreset.Continent => new(-10, 30, 0, 100),
        // Mild and maritime: a narrower range, and the sea is never far.
        WorldPreset.Archipelago => new(2, 26, 8, 100),
        // The same latitudes as a continent; the height does the cooling.
        WorldPreset.Highlands => new(-6, 30, 8, 100),
        // Hot and dry: warm even in the north, air that loses its water fast inland.
        WorldPreset.Desert => new(18, 38, -30, 220),
        // Arctic: ice in the north, barely temperate at the southern edge.
        WorldPreset.FrozenNorth => new(-26, 14, -5, 100),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
