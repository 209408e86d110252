namespace Worldloom.Forge.Core.World;

/// <summary>The world shapes a studio starts from; the API spells them as <see cref="WorldPresetNames"/> gives.</summary>
public enum WorldPreset
{
    /// <summary>One large landmass in the middle, open sea at the edges.</summary>
    Continent,

    /// <summary>Many small and middle-sized islands scattered over the sea.</summary>
    Archipelago,

    /// <summary>A high, rugged landmass with little low ground.</summary>
    Highlands,

    /// <summary>A broad, flat, low-relief landmass (later stages make it hot and dry).</summary>
    Desert,

    /// <summary>A landmass reaching the northern edge (later stages make the north cold).</summary>
    FrozenNorth,
}
