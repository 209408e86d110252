using System.Runtime.InteropServices;
using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>Enemies: the zone's standing population, the FSM (Idle → Pursue → WindUp → Attack → Recover, Return on
/// leash) and respawns.</summary>
public sealed partial class ZoneSimulation
{
    private const int ZoneArea = 128 * 128;

    /// <summary>Enemies the zone keeps standing (killed ones come back after the delay).</summary>
    public int EnemyTarget => _templates.Count;

    /// <summary>Plans the standing enemies from the seed alone (a restored zone plans the same ones): packs at the
    /// points of interest, then single enemies scattered over walkable tiles away from the player spawns, until the
    /// rules' count per walkable area is reached.</summary>
    private void PlanEnemies()
    {
        _templates.Clear();
        if (Map.Species.Count == 0 || Rules.EnemiesPerZone == 0)
        {
            return;
        }

        var walkable = 0;
        foreach (var c in Map.Cost)
        {
            walkable += c != 0 ? 1 : 0;
        }

        var target = (int)Math.Max(walkable > 0 ? 1 : 0, (long)Rules.EnemiesPerZone * walkable / ZoneArea);
        var rng = _random.Named("enemies");
        foreach (var spawn in Map.Spawns)
        {
            if (spawn.ForPlayers)
            {
                continue;
            }

            var species = rng.NextInt(Map.Species.Count);
            var size = rng.NextInt(Rules.PackSizeMin, Rules.PackSizeMax + 1);
            for (var k = 0; k < size && _templates.Count < target; k++)
            {
                var home = RandomWalkableNear(rng, spawn.TileX, spawn.TileY, Rules.PackRadiusTiles) ?? Vec.AtTile(spawn.TileX, spawn.TileY);
                _templates.Add(new EnemyTemplate(species, Rules.ArchetypeFor(Map.Species[species].Family), home));
            }
        }

        var clearance = Rules.PlayerSpawnClearanceTiles << SubTiles.Shift;
        for (var tries = target * 20; tries > 0 && _templates.Count < target; tries--)
        {
            var at = Vec.AtTile(rng.NextInt(Map.Width), rng.NextInt(Map.Height));
            if (!Map.IsWalkable(at) || NearPlayerSpawn(at, clearance))
            {
                continue;
            }

            var species = rng.NextInt(Map.Species.Count);
            _templates.Add(new EnemyTemplate(species, Rules.ArchetypeFor(Map.Species[species].Family), at));
        }
    }

    private bool NearPlayerSpawn(Vec at, int clearance)
    {
        foreach (var spawn in Map.Spawns)
        {
            if (spawn.ForPlayers && at.IsWithin(Vec.AtTile(spawn.TileX, spawn.TileY), clearance))
            {
                return true;
            }
        }

        return false;
    }

    private Vec? RandomWalkableNear(ChaChaRng rng, int tileX, int tileY, int radius)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var x = tileX + rng.NextInt(-radius, radius + 1);
            var y = tileY + rng.NextInt(-radius, radius + 1);
            if (Map.IsWalkable(x, y))
            {
                return Vec.AtTile(x, y);
            }
        }

        return null;
    }

    private Entity SpawnEnemy(int species, int archetype, Vec home, int template)
    {
        var a = Rules.Archetypes[archetype];
        var stats = species >= 0 ? Map.Species[species].Stats : a.Stats;
        var hp = Math.Max(1, stats.Health * a.HealthPercent / 100);
        var enemy = new Entity
        {
            Id = _nextId++,
            Kind = EntityKind.Enemy,
            Archetype = (ushort)archetype,
            Position = home,
            Home = home,
            Hp = hp,
            MaxHp = hp,
            Species = species,
            Template = template,
            Damage = stats.Attack * a.DamagePercent / 100,
            Defense = stats.Defense,

            // Species speed is in tenths of a tile per second: × 256 sub-tiles / (10 × 20 ticks).
            Speed = (int)((long)stats.Speed * a.SpeedPercent * SubTiles.PerTile / (100 * 10 * TicksPerSecond)),
            AggroRadius = stats.Perception * a.AggroPercent * SubTiles.PerTile / 100,
        };
        Insert(enemy);
        return enemy;
    }

    private void RespawnEnemies()
    {
        var kept = 0;
        for (var i = 0; i < _respawns.Count; i++)
        {
            var (due, template) = _respawns[i];
            if (due <= Tick)
            {
                var t = _templates[template];
                SpawnEnemy(t.Species, t.Archetype, t.Home, template);
            }
            else
            {
                _respawns[kept++] = _respawns[i];
            }
        }

        _respawns.RemoveRange(kept, _respawns.Count - kept);
    }

    private void RunEnemies()
    {
        var count = _entities.Count;
        for (var i = 0; i < count; i++)
        {
            var e = _entities[i];
            if (e.Kind != EntityKind.Enemy || !e.IsAlive)
            {
                continue;
            }

            var a = Rules.Archetypes[e.Archetype];
            switch (e.Activity)
            {
                case EntityActivity.Idle:
                    var quarry = NearestPlayer(e.Position, e.AggroRadius);
                    if (quarry is not null)
                    {
                        e.Target = quarry.Id;
                        e.Activity = EntityActivity.Pursue;
                        Pursue(e, a);
                    }

                    break;
                case EntityActivity.Pursue:
                    Pursue(e, a);
                    break;
                case EntityActivity.WindUp:
                    e.ActivityTicks--;
                    e.Telegraph = e.Telegraph with { TicksLeft = e.ActivityTicks };
                    if (e.ActivityTicks <= 0)
                    {
                        Strike(e);
                    }

                    break;
                case EntityActivity.Attack:
                    e.Activity = EntityActivity.Recover;
                    e.ActivityTicks = a.RecoverTicks;
                    break;
                case EntityActivity.Recover:
                    if (--e.ActivityTicks <= 0)
                    {
                        e.ActivityTicks = 0;
                        e.Activity = EntityActivity.Pursue;
                    }

                    break;
                case EntityActivity.Return:
                    e.Hp = e.MaxHp;
                    if (StepTowards(e, e.Home, 0))
                    {
                        e.Activity = EntityActivity.Idle;
                    }

                    break;
            }
        }
    }

    private void Pursue(Entity e, EnemyArchetype a)
    {
        if (!_byId.TryGetValue(e.Target, out var target) || !target.IsAlive || !target.Position.IsWithin(e.Home, a.LeashRadius))
        {
            e.Target = 0;
            e.Activity = EntityActivity.Return;
            return;
        }

        if (target.Position.IsWithin(e.Position, a.AttackRange))
        {
            var angle = Angles.Of(target.Position.X - e.Position.X, target.Position.Y - e.Position.Y);
            e.Facing = angle;
            e.Activity = EntityActivity.WindUp;
            e.ActivityTicks = a.WindUpTicks;
            e.Telegraph = new Telegraph(a.Telegraph, e.Position, a.TelegraphRadius, angle, a.TelegraphWidth, a.WindUpTicks);
            return;
        }

        StepTowards(e, target.Position, a.AttackRange / 2);
    }

    /// <summary>Walks towards <paramref name="goal"/>, stopping <paramref name="stopShort"/> sub-tiles before it;
    /// true once there (or stuck against blocked ground that far away: Return then ends rather than loops).</summary>
    private bool StepTowards(Entity e, Vec goal, int stopShort)
    {
        var d = goal - e.Position;
        var length = d.Length;
        if (length <= stopShort)
        {
            return true;
        }

        var speed = SpeedOn(e.Position, e.Speed);
        e.Facing = Angles.Of(d.X, d.Y);
        var travel = Math.Min(speed, length - stopShort);
        var start = e.Position;
        Walk(e, new Vec((int)((long)d.X * travel / length), (int)((long)d.Y * travel / length)));
        return travel == length - stopShort || e.Position == start;
    }

    /// <summary>The attack lands: every live player inside the telegraph now is hit.</summary>
    private void Strike(Entity e)
    {
        var t = e.Telegraph;
        _found.Clear();
        _playerGrid.Query(t.Centre, t.Radius, _found);
        CollectionsMarshal.AsSpan(_found).Sort();
        foreach (var index in _found)
        {
            var player = _players[index];
            if (player.IsAlive && Inside(t, player.Position))
            {
                Hurt(player, e.Damage, e.Id, 0);
            }
        }

        _found.Clear();
        e.Activity = EntityActivity.Attack;
        e.ActivityTicks = 0;
        e.Telegraph = Telegraph.None;
    }

    private static bool Inside(Telegraph t, Vec p)
    {
        if (!p.IsWithin(t.Centre, t.Radius))
        {
            return false;
        }

        if (t.Shape != TelegraphShape.Cone || p == t.Centre)
        {
            return true;
        }

        return Angles.Difference(Angles.Of(p.X - t.Centre.X, p.Y - t.Centre.Y), t.Angle) <= t.Width / 2;
    }

    private Entity? NearestPlayer(Vec at, int radius)
    {
        _found.Clear();
        _playerGrid.Query(at, radius, _found);
        Entity? best = null;
        long bestDistance = long.MaxValue;
        foreach (var index in _found)
        {
            var p = _players[index];
            var d = (p.Position - at).LengthSquared;
            if (p.IsAlive && (d < bestDistance || (d == bestDistance && p.Id < best!.Id)))
            {
                best = p;
                bestDistance = d;
            }
        }

        _found.Clear();
        return best;
    }
}
