namespace Worldloom.Realms.Core.Zones;

/// <summary>A side of a zone, through which an exit may lead to the neighbouring zone.</summary>
public enum ZoneEdge : byte
{
    /// <summary>The row y = 0.</summary>
    North = 0,

    /// <summary>The column x = width − 1.</summary>
    East = 1,

    /// <summary>The row y = height − 1.</summary>
    South = 2,

    /// <summary>The column x = 0.</summary>
    West = 3,
}
