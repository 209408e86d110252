using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>
/// A zone's history from a starting state: the checkpoint it started from (which names the zone, the rules' hash and
/// the seed) and every join, leave, input and command since, with the tick it came at. Replaying it steps a restored
/// zone through the same calls, so it reaches the same <see cref="ZoneSimulation.StateHash"/> at every tick: a bug
/// report that reproduces.
/// </summary>
public sealed class Recording
{
    private readonly List<RecordedAction> _actions = [];

    internal Recording(byte[] start)
    {
        Start = start;
    }

    /// <summary>The checkpoint the recording starts from.</summary>
    public IReadOnlyList<byte> Start { get; }

    /// <summary>The calls made since, in order.</summary>
    public IReadOnlyList<RecordedAction> Actions => _actions;

    internal void Add(RecordedAction action) => _actions.Add(action);

    /// <summary>Restores the start and replays the calls, stepping until tick <paramref name="untilTick"/>;
    /// <paramref name="onTick"/> sees the zone after each step.</summary>
    /// <exception cref="ArgumentException">The map or rules are not those recorded.</exception>
    public ZoneSimulation Replay(ZoneMap map, RealmRules rules, uint untilTick, Action<ZoneSimulation>? onTick = null)
    {
        var sim = ZoneSimulation.Restore(map, rules, [.. Start]);
        var next = 0;
        while (true)
        {
            for (; next < _actions.Count && _actions[next].Tick == sim.Tick; next++)
            {
                Apply(sim, _actions[next]);
            }

            if (sim.Tick >= untilTick)
            {
                return sim;
            }

            sim.Step();
            onTick?.Invoke(sim);
        }
    }

    private static void Apply(ZoneSimulation sim, RecordedAction action)
    {
        if (action.Join is not null)
        {
            sim.AddPlayer(action.CharacterId, action.Join);
        }
        else if (action.Leave)
        {
            sim.RemovePlayer(action.CharacterId);
        }
        else if (action.Input is { } input)
        {
            sim.Submit(action.CharacterId, input);
        }
        else if (action.Command is not null)
        {
            sim.Command(action.CharacterId, action.Command);
        }
        else if (action.RestartSequence)
        {
            sim.RestartSequence(action.CharacterId);
        }
    }
}
