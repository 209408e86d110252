using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// How a preset shapes the heightmap: value = <see cref="Amplitude"/>·noise + <see cref="Base"/> −
/// <see cref="Falloff"/>·d², where d is the distance from the landmass centre (1 at the map's edge midpoints).
/// All Q16.16 except <see cref="BaseCells"/> (noise cells across the map at the first octave).
/// </summary>
internal readonly record struct PresetShape(int BaseCells, int Amplitude, int Base, int Falloff, int CentreYPercent)
{
    public static PresetShape For(WorldPreset preset) => preset switch
    {
        // One central mass: strong falloff pushes the edges under the sea.
        WorldPreset.Continent => new(3, Fixed.One, Fixed.FromRatio(30, 100), Fixed.FromRatio(75, 100), 50),
        // Higher base frequency and a weak falloff break the land into many islands across the whole map.
        WorldPreset.Archipelago => new(8, Fixed.One, Fixed.FromRatio(2, 100), Fixed.FromRatio(30, 100), 50),
        // Raised base and stronger relief: most land sits well above the sea.
        WorldPreset.Highlands => new(3, Fixed.FromRatio(125, 100), Fixed.FromRatio(50, 100), Fixed.FromRatio(65, 100), 50),
        // Broad, low relief: large land, gentle slopes.
        WorldPreset.Desert => new(2, Fixed.FromRatio(70, 100), Fixed.FromRatio(35, 100), Fixed.FromRatio(60, 100), 50),
        // The landmass centre sits in the north so land reaches the northern edge, where later stages put the cold.
        WorldPreset.FrozenNorth => new(3, Fixed.One, Fixed.FromRatio(30, 100), Fixed.FromRatio(75, 100), 25),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
    };
}
