using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.Stages.Settling;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Builds the roads between settlements: which pairs come from <see cref="RoadPlan"/> (a spanning tree per landmass
/// plus a few loops, so every settlement can reach every other on its landmass), and each road is the cheapest path
/// over the terrain by A*. Cells a road has taken cost only <see cref="RoadCellCost"/> for the roads after it, so
/// later roads join the network where it helps instead of running beside it. Draws nothing from its stream: the
/// layout follows from the settlements and the terrain alone.
/// </summary>
public sealed class RoadStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "roads";

    /// <summary>Cost of entering a cell that already carries a road (a plain cell costs 10).</summary>
    public const int RoadCellCost = 5;

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        var land = LandGrid.Of(world, StreamName);
        var settlements = world.Settlements;
        var costs = TerrainCost.ForRoads(world, land);
        var pathfinder = new GridPathfinder(world.Width, world.Height);
        var roads = new List<Road>();
        foreach (var (from, to) in RoadPlan.Plan(settlements, land))
        {
            var a = settlements[from];
            var b = settlements[to];
            var path = pathfinder.FindPath(costs, RoadCellCost, a.Location, b.Location, out var cost)
                ?? throw new InvalidOperationException($"No land path between {a.Id} and {b.Id} on one landmass.");
            foreach (var p in path)
            {
                costs[(p.Y * world.Width) + p.X] = RoadCellCost;
            }

            roads.Add(new Road($"road-{roads.Count + 1}", a.Id, b.Id, path, cost));
        }

        world.Roads = roads;
    }
}
