namespace Worldloom.Realms.Core.Simulation;

/// <summary>
/// The working lists of one thread's
/// <see cref="ZoneSimulation.CollectVisible(uint, int, int, List{Entities.EntityState}, VisibleScratch)"/> calls: a
/// server that collects for its clients on several threads gives each its own, so the queries share nothing they write.
/// </summary>
public sealed class VisibleScratch
{
    /// <summary>Grid items found for one viewer.</summary>
    internal List<int> Found { get; } = [];

    /// <summary>The grid's candidates, packed with their distances.</summary>
    internal List<long> Nearest { get; } = [];
}
