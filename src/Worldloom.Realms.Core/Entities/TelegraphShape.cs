namespace Worldloom.Realms.Core.Entities;

/// <summary>The shape of the ground an enemy's winding-up attack will hit.</summary>
public enum TelegraphShape : byte
{
    /// <summary>No telegraph.</summary>
    None = 0,

    /// <summary>A circle of <see cref="Telegraph.Radius"/> around <see cref="Telegraph.Centre"/>.</summary>
    Circle = 1,

    /// <summary>A cone from <see cref="Telegraph.Centre"/> of <see cref="Telegraph.Radius"/>, centred on
    /// <see cref="Telegraph.Angle"/>, <see cref="Telegraph.Width"/> wide.</summary>
    Cone = 2,
}
