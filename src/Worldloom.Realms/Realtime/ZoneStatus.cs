namespace Worldloom.Realms.Realtime;

/// <summary>A zone grain's state at a glance.</summary>
/// <param name="Tick">Ticks stepped so far (carried over restarts by the checkpoint).</param>
/// <param name="Players">Characters in the zone, connected or within their reconnect grace.</param>
/// <param name="Connected">Characters with a connection.</param>
/// <param name="Entities">Every entity: players, enemies, projectiles.</param>
/// <param name="Restored">Whether this activation started from a checkpoint.</param>
[GenerateSerializer]
[Immutable]
public sealed record ZoneStatus([property: Id(0)] uint Tick, [property: Id(1)] int Players, [property: Id(2)] int Connected, [property: Id(3)] int Entities, [property: Id(4)] bool Restored);
