using Worldloom.Forge.Core.Numerics;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>Players: inputs, walking, regeneration, death and respawn, exits.</summary>
public sealed partial class ZoneSimulation
{
    private void ApplyInputs()
    {
        for (var i = 0; i < _players.Count; i++)
        {
            var player = _players[i];
            var queue = player.Queue;
            if (player.Kicked || queue.Count == 0)
            {
                continue;
            }

            ShedBacklog(player);
            var input = queue[0];
            queue.RemoveAt(0);
            player.LastSequence = input.Sequence;
            if (input.MoveAngle is < PlayerInput.Stop or >= Trig.AnglesPerTurn)
            {
                Refuse(player, input.Sequence, RefusalCodes.Invalid);
                continue;
            }

            if (player.Activity == EntityActivity.Dead)
            {
                if (input.Cast is not null)
                {
                    Refuse(player, input.Sequence, RefusalCodes.Dead);
                }

                continue;
            }

            if (player.Activity == EntityActivity.Casting && input.MoveAngle != PlayerInput.Stop && input.Cast is null)
            {
                Interrupt(player);
            }

            player.MoveAngle = input.MoveAngle;
            if (input.Cast is { } cast)
            {
                Cast(player, input.Sequence, cast);
            }
        }
    }

    /// <summary>
    /// Drops movement-only inputs from the head of a queue longer than <see cref="MaxBacklog"/>: each is superseded by
    /// the next one's direction. A client sends one input a tick, so every tick that passed while its input was on the
    /// way (a late tick, a stalled connection) leaves one more queued for good, inputs and ticks then arriving at the
    /// same rate; without this the queue would fill after a long enough spike and refuse an honest client's every later
    /// input as <c>flood</c> until it is kicked. Casts are never dropped, and an input with a bad angle stops the
    /// shedding so that it is still refused. (A burst that fills the queue between two ticks is shed as it arrives:
    /// <see cref="Submit"/>.)
    /// </summary>
    private static void ShedBacklog(Entity player)
    {
        var queue = player.Queue;
        while (queue.Count > MaxBacklog && IsPlainMove(queue[0]))
        {
            player.LastSequence = queue[0].Sequence;
            queue.RemoveAt(0);
        }
    }

    /// <summary>A movement-only input with a valid angle: one the next input's direction supersedes.</summary>
    private static bool IsPlainMove(PlayerInput input) =>
        input.Cast is null && input.MoveAngle is >= PlayerInput.Stop and < Trig.AnglesPerTurn;

    private void MovePlayers()
    {
        foreach (var player in _players)
        {
            if (!player.IsAlive)
            {
                continue;
            }

            if (player.Activity == EntityActivity.Casting)
            {
                ProgressCast(player);
                continue;
            }

            if (player.MoveAngle == PlayerInput.Stop || player.Kicked)
            {
                player.Activity = EntityActivity.Idle;
                continue;
            }

            player.Activity = EntityActivity.Moving;
            player.Facing = player.MoveAngle;
            var speed = Rules.Classes[player.Archetype].Speed;
            Walk(player, Angles.Step(player.MoveAngle, SpeedOn(player.Position, speed)));
        }
    }

    /// <summary>Sub-tiles per tick at <paramref name="speed"/> on the tile under <paramref name="position"/>.</summary>
    private int SpeedOn(Vec position, int speed)
    {
        var cost = Map.CostAt(position.TileX, position.TileY);
        return cost == ZoneMap.Blocked ? speed : speed * ZoneMap.NormalCost / cost;
    }

    /// <summary>Moves by <paramref name="step"/>, one axis at a time so an entity slides along a blocked edge instead
    /// of sticking to it; never onto a blocked tile or out of the zone.</summary>
    private void Walk(Entity entity, Vec step)
    {
        var moved = false;
        var x = new Vec(entity.Position.X + step.X, entity.Position.Y);
        if (step.X != 0 && Map.IsWalkable(x))
        {
            entity.Position = x;
            moved = true;
        }

        var y = new Vec(entity.Position.X, entity.Position.Y + step.Y);
        if (step.Y != 0 && Map.IsWalkable(y))
        {
            entity.Position = y;
            moved = true;
        }

        if (moved)
        {
            _gridDirty = true;
        }
    }

    private void Regenerate()
    {
        foreach (var player in _players)
        {
            for (var s = 0; s < player.Cooldowns.Length; s++)
            {
                if (player.Cooldowns[s] > 0)
                {
                    player.Cooldowns[s]--;
                }
            }

            if (player.InvulnerableTicks > 0)
            {
                player.InvulnerableTicks--;
            }

            if (!player.IsAlive || player.Mana >= player.MaxMana)
            {
                player.ManaRemainder = 0;
                continue;
            }

            // Regeneration per second spread over the ticks without losing the remainder.
            player.ManaRemainder += Rules.Classes[player.Archetype].ManaRegenPerSecond;
            player.Mana = Math.Min(player.MaxMana, player.Mana + (player.ManaRemainder / TicksPerSecond));
            player.ManaRemainder %= TicksPerSecond;
        }
    }

    private void RespawnPlayers()
    {
        foreach (var player in _players)
        {
            if (player.Activity != EntityActivity.Dead)
            {
                continue;
            }

            if (--player.ActivityTicks > 0)
            {
                continue;
            }

            player.Position = PlayerSpawnNear(player.Position);
            player.Hp = player.MaxHp;
            player.Mana = player.MaxMana;
            player.Activity = EntityActivity.Idle;
            player.MoveAngle = PlayerInput.Stop;
            player.InvulnerableTicks = Rules.InvulnerabilityTicks;
            Array.Clear(player.Cooldowns);
            _gridDirty = true;
            _events.Add(new ZoneEvent(ZoneEventKind.Respawn, 0, player.Id, 0, player.Position, 0));
        }
    }

    private void TakeExits()
    {
        foreach (var player in _players)
        {
            if (!player.IsAlive || player.Kicked)
            {
                continue;
            }

            var tx = player.Position.TileX;
            var ty = player.Position.TileY;
            foreach (var exit in Map.Exits)
            {
                var onEdge = exit.Edge switch
                {
                    ZoneEdge.North => ty == 0,
                    ZoneEdge.East => tx == Map.Width - 1,
                    ZoneEdge.South => ty == Map.Height - 1,
                    _ => tx == 0,
                };
                if (!onEdge)
                {
                    continue;
                }

                var entry = EntryInto(exit.Edge, player.Position);
                _exits.Add(new ExitCrossing(player.CharacterId, exit, CharacterOf(player, entry), entry));
                player.Removed = true;
                break;
            }
        }
    }

    /// <summary>Where a player leaving over <paramref name="edge"/> at <paramref name="at"/> appears in the
    /// neighbour: the same coordinate along the edge, one tile inside the neighbour's opposite edge. Zones west and
    /// north of this one are whole zones, so their size follows from this zone's origin.</summary>
    private Vec EntryInto(ZoneEdge edge, Vec at) => edge switch
    {
        ZoneEdge.East => new Vec(SubTiles.CentreOf(1), at.Y),
        ZoneEdge.South => new Vec(at.X, SubTiles.CentreOf(1)),
        ZoneEdge.West => new Vec(SubTiles.CentreOf((Map.OriginX / Map.Key.X) - 2), at.Y),
        _ => new Vec(at.X, SubTiles.CentreOf((Map.OriginY / Map.Key.Y) - 2)),
    };

    /// <summary>The centre of the player spawn nearest <paramref name="from"/> (settlements and the centre first; any
    /// spawn if there are none; else the walkable tile nearest the zone's centre).</summary>
    private Vec PlayerSpawnNear(Vec from)
    {
        SpawnPoint? best = null;
        long bestDistance = long.MaxValue;
        foreach (var pass in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var spawn in Map.Spawns)
            {
                if (spawn.ForPlayers != pass)
                {
                    continue;
                }

                var d = (Vec.AtTile(spawn.TileX, spawn.TileY) - from).LengthSquared;
                if (d < bestDistance)
                {
                    best = spawn;
                    bestDistance = d;
                }
            }

            if (best is not null)
            {
                return WalkableNear(Vec.AtTile(best.TileX, best.TileY));
            }
        }

        return WalkableNear(new Vec(Map.WidthSubTiles / 2, Map.HeightSubTiles / 2));
    }

    /// <summary><paramref name="at"/> if walkable; else the centre of the nearest walkable tile (rings outwards, in
    /// row order within a ring); the zone's centre tile if none is.</summary>
    private Vec WalkableNear(Vec at)
    {
        if (Map.IsWalkable(at))
        {
            return at;
        }

        var cx = Math.Clamp(at.TileX, 0, Map.Width - 1);
        var cy = Math.Clamp(at.TileY, 0, Map.Height - 1);
        var reach = Math.Max(Map.Width, Map.Height);
        for (var r = 0; r <= reach; r++)
        {
            for (var y = cy - r; y <= cy + r; y++)
            {
                for (var x = cx - r; x <= cx + r; x++)
                {
                    if ((Math.Abs(x - cx) == r || Math.Abs(y - cy) == r) && Map.IsWalkable(x, y))
                    {
                        return Vec.AtTile(x, y);
                    }
                }
            }
        }

        return Vec.AtTile(Map.Width / 2, Map.Height / 2);
    }
}
