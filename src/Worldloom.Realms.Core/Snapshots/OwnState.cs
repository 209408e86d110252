namespace Worldloom.Realms.Core.Snapshots;

/// <summary>What only the client controlling an entity is told about it, with every snapshot.</summary>
/// <param name="EntityId">Its own entity (changes on a zone transfer).</param>
/// <param name="LastSequence">The last input sequence the server applied: the client replays its later inputs over
/// the snapshot to predict its own position.</param>
/// <param name="Cooldown1">Ticks until skill slot 1 is ready (0 = ready).</param>
/// <param name="Cooldown2">Ticks until skill slot 2 is ready.</param>
/// <param name="Cooldown3">Ticks until skill slot 3 is ready.</param>
/// <param name="RespawnTicks">Ticks until respawn while dead, else 0.</param>
public readonly record struct OwnState(uint EntityId, uint LastSequence, int Cooldown1, int Cooldown2, int Cooldown3, int RespawnTicks);
