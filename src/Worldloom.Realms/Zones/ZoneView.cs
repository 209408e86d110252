namespace Worldloom.Realms.Zones;

/// <summary>One zone of a realm, as the realm read shows it.</summary>
/// <param name="X">Column.</param>
/// <param name="Y">Row.</param>
/// <param name="Width">Tiles per row.</param>
/// <param name="Height">Rows of tiles.</param>
/// <param name="Exits">Its exits to neighbouring zones.</param>
/// <param name="Spawns">How many player spawn points it has (0: nobody can appear there, only walk in).</param>
/// <param name="Players">Characters whose last saved place is this zone.</param>
public sealed record ZoneView(int X, int Y, int Width, int Height, IReadOnlyList<ExitView> Exits, int Spawns, int Players);
