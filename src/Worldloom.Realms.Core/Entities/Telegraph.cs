using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Entities;

/// <summary>Where a winding-up attack will land; whoever is inside when it resolves is hit.</summary>
/// <param name="Shape">Circle, cone or none.</param>
/// <param name="Centre">The circle's centre or the cone's apex, in sub-tiles.</param>
/// <param name="Radius">Radius, in sub-tiles.</param>
/// <param name="Angle">The cone's direction (0..4095 per turn, 0 = east, clockwise since y grows south).</param>
/// <param name="Width">The cone's full width, in the same angle units.</param>
/// <param name="TicksLeft">Ticks until it resolves.</param>
public readonly record struct Telegraph(TelegraphShape Shape, Vec Centre, int Radius, int Angle, int Width, int TicksLeft)
{
    /// <summary>No telegraph.</summary>
    public static Telegraph None => default;
}
