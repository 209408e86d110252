namespace Worldloom.Realms.Core.Simulation;

/// <summary>A player the zone wants disconnected. The player stays in the zone (its inputs ignored) until the server
/// calls <see cref="ZoneSimulation.RemovePlayer"/> to persist it.</summary>
/// <param name="CharacterId">The player.</param>
/// <param name="Reason">Human-readable reason, sent as the close description.</param>
public readonly record struct Kick(Guid CharacterId, string Reason);
