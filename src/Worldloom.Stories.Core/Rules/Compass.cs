namespace Worldloom.Stories.Core.Rules;

/// <summary>The eight compass directions, clockwise from north (the values are the octant, 0–7).</summary>
public enum Compass
{
    /// <summary>North.</summary>
    North = 0,

    /// <summary>North-east.</summary>
    NorthEast = 1,

    /// <summary>East.</summary>
    East = 2,

    /// <summary>South-east.</summary>
    SouthEast = 3,

    /// <summary>South.</summary>
    South = 4,

    /// <summary>South-west.</summary>
    SouthWest = 5,

    /// <summary>West.</summary>
    West = 6,

    /// <summary>North-west.</summary>
    NorthWest = 7,
}
