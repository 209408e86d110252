namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench realms-sim</c> runs (docs/benchmarks.md, "loom bench realms-sim").</summary>
/// <param name="Players">Bots over all zones.</param>
/// <param name="Creatures">Standing enemies over all zones.</param>
/// <param name="Ticks">Measured ticks.</param>
/// <param name="WarmupTicks">Ticks run first and not measured (tiered JIT, the first full snapshots).</param>
/// <param name="Zones">Zones the population is spread over; null: as many as the realm's rules stand that many
/// enemies in (creatures / <c>enemies.perZone</c>, rounded up).</param>
/// <param name="Seed">The Forge seed of the world, the zones and the bots.</param>
/// <param name="RadiusTiles">Each client's area of interest.</param>
/// <param name="VisibleLimit">The most entities a client is sent (the nearest).</param>
/// <param name="BudgetBytes">Snapshot payload budget per client per tick; 0: no budget.</param>
/// <param name="LossPercent">Snapshots whose ack never arrives.</param>
/// <param name="RttTicks">Ticks an ack takes to come back.</param>
internal sealed record RealmsSimSettings(
    int Players,
    int Creatures,
    int Ticks,
    int WarmupTicks,
    int? Zones,
    string Seed,
    int RadiusTiles,
    int VisibleLimit,
    int BudgetBytes,
    int LossPercent,
    int RttTicks);
