using Worldloom.Realms.Core.Entities;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>What one <see cref="ZoneSimulation.Step"/> produced besides the new state. The lists belong to the caller.</summary>
/// <param name="Tick">The tick just stepped (the simulation's <see cref="ZoneSimulation.Tick"/> after it).</param>
/// <param name="Events">Casts, hits, heals, deaths, respawns, interruptions and knockbacks, in the order they
/// happened.</param>
/// <param name="Refusals">Inputs refused this tick (and those refused by <see cref="ZoneSimulation.Submit"/> since the
/// last tick).</param>
/// <param name="Kicks">Players to disconnect.</param>
/// <param name="Exits">Players who left the zone through an exit (already removed).</param>
public sealed record TickOutcome(
    uint Tick,
    IReadOnlyList<ZoneEvent> Events,
    IReadOnlyList<Refusal> Refusals,
    IReadOnlyList<Kick> Kicks,
    IReadOnlyList<ExitCrossing> Exits);
