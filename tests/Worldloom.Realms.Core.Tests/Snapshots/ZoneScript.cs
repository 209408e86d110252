using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary>
/// A made-up zone whose entities enter, leave, walk, teleport, get hurt, wind up attacks and change target, driven
/// by a seed per tick (SplitMix64, not System.Random, so FsCheck's shrinking and replay see the same zone).
/// </summary>
internal sealed class ZoneScript
{
    private readonly SortedDictionary<uint, EntityState> _entities = [];
    private uint _nextId = 1;
    private ulong _state;

    /// <summary>A draw in 0..<paramref name="bound"/>-1.</summary>
    public int Next(int bound)
    {
        _state += 0x9e3779b97f4a7c15;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return (int)((z ^ (z >> 31)) % (ulong)bound);
    }

    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>Steps the zone by one tick under <paramref name="seed"/>; returns what the client sees.</summary>
    public (OwnState Own, List<EntityState> Visible, List<ZoneEvent> Events) Step(ulong seed)
    {
        _state ^= seed * 0xd6e8feb86659fd93;
        for (var n = Next(4); n > 0 && Chance(40); n--)
        {
            var id = _nextId;
            _nextId += (uint)(1 + Next(Chance(10) ? 5000 : 4));
            _entities[id] = NewEntity(id);
        }

        foreach (var id in _entities.Keys.ToList())
        {
            if (Chance(5))
            {
                _entities.Remove(id);
                continue;
            }

            _entities[id] = Change(_entities[id]);
        }

        // Interest: an entity drops out of view now and then and comes back with the same id.
        var visible = _entities.Values.Where(_ => !Chance(8)).ToList();
        Shuffle(visible);
        var events = Enumerable.Range(0, Next(3)).Select(_ => new ZoneEvent(
            (ZoneEventKind)Next(7), (uint)Next(300), (uint)Next(300), Next(600) - 300, RandomPosition(), (ushort)Next(4))).ToList();
        var own = new OwnState(1 + (uint)Next(2), (uint)Next(5000), Next(40), Next(3), 0, Chance(90) ? 0 : Next(100) - 10);
        return (own, visible, events);
    }

    private EntityState NewEntity(uint id) => new(
        id,
        (EntityKind)Next(3),
        (ushort)Next(Chance(5) ? 65536 : 6),
        RandomPosition(),
        Next(4096),
        Next(300),
        300,
        Next(200),
        Chance(50) ? 200 : 0,
        (EntityActivity)Next(9),
        Next(20),
        RandomTelegraph(),
        (EntityFlags)Next(4),
        (uint)Next(20));

    private EntityState Change(EntityState e)
    {
        if (Chance(70))
        {
            // Walks mostly; projectiles and knockbacks jump; now and then past the zone's edge (clamped).
            var reach = Chance(85) ? 60 : 3000;
            e = e with { Position = e.Position + new Vec(Next((2 * reach) + 1) - reach, Next((2 * reach) + 1) - reach) };
        }

        if (Chance(30)) e = e with { Facing = Next(Chance(5) ? 100000 : 4096) - (Chance(5) ? 50000 : 0) };
        if (Chance(15)) e = e with { Hp = e.Hp - Next(60) + 10 };
        if (Chance(3)) e = e with { MaxHp = Next(100000) };
        if (Chance(10)) e = e with { Mana = Next(200) };
        if (Chance(10)) e = e with { Activity = (EntityActivity)Next(9), ActivityTicks = Next(40) };
        if (Chance(30) && e.ActivityTicks > 0) e = e with { ActivityTicks = e.ActivityTicks - 1 };
        if (Chance(10)) e = e with { Telegraph = RandomTelegraph() };
        if (Chance(40) && e.Telegraph.Shape != TelegraphShape.None) e = e with { Telegraph = e.Telegraph with { TicksLeft = Math.Max(0, e.Telegraph.TicksLeft - 1) } };
        if (Chance(5)) e = e with { Flags = (EntityFlags)Next(4) };
        if (Chance(10)) e = e with { Target = (uint)Next(Chance(5) ? int.MaxValue : 50) };
        if (Chance(1)) e = e with { Kind = (EntityKind)Next(3), Archetype = (ushort)Next(10) };
        return e;
    }

    private Telegraph RandomTelegraph() => Next(3) switch
    {
        0 => Telegraph.None,
        1 => new Telegraph(TelegraphShape.Circle, RandomPosition(), Chance(3) ? Extreme() : Next(2000), Next(4096), Next(4096), Next(30)),
        _ => new Telegraph(TelegraphShape.Cone, RandomPosition(), Next(2000), Next(4096), Next(4097), Next(30)),
    };

    private Vec RandomPosition() => Chance(2)
        ? new(Extreme(), Extreme())
        : new(Next(128 * SubTiles.PerTile), Next(128 * SubTiles.PerTile));

    /// <summary>A coordinate far outside any zone, to the limits of an int (the codec clamps).</summary>
    private int Extreme() => Next(4) switch
    {
        0 => int.MaxValue - Next(16),
        1 => int.MinValue + Next(16),
        2 => -Next(100),
        _ => 65536 + Next(100),
    };

    private void Shuffle(List<EntityState> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
