namespace Worldloom.Forge.Core.World;

/// <summary>Where a river ends.</summary>
public enum RiverMouth
{
    /// <summary>It reaches the sea.</summary>
    Sea,

    /// <summary>It ends in a lake.</summary>
    Lake,

    /// <summary>It joins a bigger river (its path ends on the other river's cell).</summary>
    River,
}
