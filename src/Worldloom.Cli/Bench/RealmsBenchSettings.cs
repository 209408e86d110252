namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench realms</c> was asked to do.</summary>
/// <param name="Bots">Bots per server (without <paramref name="FindCcu"/>).</param>
/// <param name="Duration">Measured length of each step.</param>
/// <param name="Warmup">Unmeasured play after the bots of a step have joined.</param>
/// <param name="Zones">Zones the bots are spread over (bot <c>i</c> in zone <c>i % zones</c>), on both servers.</param>
/// <param name="Creatures">The peer's wandering creatures per zone (ours has the enemies its rules plan).</param>
/// <param name="Ramp">Bots connecting at once, each batch given at least a second.</param>
/// <param name="Servers">Which servers to measure.</param>
/// <param name="FindCcu">Ramp in steps instead: the largest count each server holds.</param>
/// <param name="MaxBots">The CCU search's last step.</param>
/// <param name="Step">Bots added per step of the CCU search.</param>
/// <param name="WebRoot">The web app to serve, as for <c>loom serve</c>, so the in-process pipeline is the real one.</param>
internal sealed record RealmsBenchSettings(
    int Bots, TimeSpan Duration, TimeSpan Warmup, int Zones, int Creatures, int Ramp, RealmsBenchServers Servers, bool FindCcu, int MaxBots, int Step, string? WebRoot)
{
    /// <summary>The bot counts measured, in order: one, or the CCU search's steps.</summary>
    public IReadOnlyList<int> Steps => FindCcu
        ? [.. Enumerable.Range(1, (MaxBots + Step - 1) / Step).Select(i => Math.Min(i * Step, MaxBots))]
        : [Bots];
}
