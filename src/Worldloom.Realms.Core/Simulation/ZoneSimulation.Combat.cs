using System.Runtime.InteropServices;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Spatial;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>Skills, projectiles, damage and death.</summary>
public sealed partial class ZoneSimulation
{
    private void Cast(Entity player, uint sequence, SkillCast cast)
    {
        var skills = Rules.Classes[player.Archetype].Skills;
        if (cast.Slot < 1 || cast.Slot > skills.Count)
        {
            Refuse(player, sequence, RefusalCodes.UnknownSkill);
            return;
        }

        if (player.Activity == EntityActivity.Casting)
        {
            Refuse(player, sequence, RefusalCodes.Busy);
            return;
        }

        var skillIndex = skills[cast.Slot - 1];
        var skill = Rules.Skills[skillIndex];
        if (!player.God && player.Cooldowns[cast.Slot - 1] > 0)
        {
            Refuse(player, sequence, RefusalCodes.Cooldown);
            return;
        }

        if (!player.God && player.Mana < skill.Mana)
        {
            Refuse(player, sequence, RefusalCodes.Mana);
            return;
        }

        var refusal = skill.Kind switch
        {
            SkillKind.Projectile => Launch(player, cast, skillIndex, skill),
            SkillKind.Nova => Nova(player, cast.Slot, skillIndex, skill),
            _ => StartHeal(player, cast, skillIndex, skill),
        };
        if (refusal is not null)
        {
            Refuse(player, sequence, refusal);
        }
    }

    private string? Launch(Entity player, SkillCast cast, int skillIndex, SkillRules skill)
    {
        Vec aim;
        if (cast.Target != 0)
        {
            if (!_byId.TryGetValue(cast.Target, out var target) || !target.IsAlive || target.Kind != EntityKind.Enemy)
            {
                return RefusalCodes.UnknownTarget;
            }

            aim = target.Position;
        }
        else
        {
            aim = cast.Point;
            if (!Map.Contains(aim.TileX, aim.TileY))
            {
                return RefusalCodes.Invalid;
            }
        }

        var aimRefusal = CheckAim(player, aim, skill.Range);
        if (aimRefusal is not null)
        {
            return aimRefusal;
        }

        Spend(player, cast.Slot, skill);
        var missile = new Entity
        {
            Id = _nextId++,
            Kind = EntityKind.Projectile,
            Archetype = (ushort)skillIndex,
            Position = player.Position,
            Facing = Angles.Of(aim.X - player.Position.X, aim.Y - player.Position.Y),
            Target = cast.Target,
            Owner = player.Id,
            Point = aim,
            ActivityTicks = skill.LifetimeTicks,
        };
        Insert(missile);
        player.Facing = missile.Facing;
        _events.Add(new ZoneEvent(ZoneEventKind.Cast, player.Id, cast.Target, 0, aim, (ushort)skillIndex));
        return null;
    }

    private string? Nova(Entity player, int slot, int skillIndex, SkillRules skill)
    {
        Spend(player, slot, skill);
        _events.Add(new ZoneEvent(ZoneEventKind.Cast, player.Id, 0, 0, player.Position, (ushort)skillIndex));
        EnsureGrid();
        _found.Clear();
        _grid.Query(player.Position, skill.Radius, _found);
        CollectionsMarshal.AsSpan(_found).Sort();
        foreach (var index in _found)
        {
            var enemy = _entities[index];
            if (enemy.Kind != EntityKind.Enemy || !enemy.IsAlive)
            {
                continue;
            }

            Hurt(enemy, skill.Damage, player.Id, skillIndex);
            if (enemy.IsAlive && skill.Knockback > 0)
            {
                var away = enemy.Position - player.Position;
                var angle = away.X == 0 && away.Y == 0 ? player.Facing : Angles.Of(away.X, away.Y);
                Push(enemy, angle, skill.Knockback);
                _events.Add(new ZoneEvent(ZoneEventKind.Knockback, player.Id, enemy.Id, 0, enemy.Position, (ushort)skillIndex));
            }
        }

        _found.Clear();
        return null;
    }

    private string? StartHeal(Entity player, SkillCast cast, int skillIndex, SkillRules skill)
    {
        var target = player;
        if (cast.Target != 0 && cast.Target != player.Id)
        {
            if (!_byId.TryGetValue(cast.Target, out var ally) || !ally.IsAlive || ally.Kind != EntityKind.Player)
            {
                return RefusalCodes.UnknownTarget;
            }

            var aimRefusal = CheckAim(player, ally.Position, skill.Range);
            if (aimRefusal is not null)
            {
                return aimRefusal;
            }

            target = ally;
        }

        _events.Add(new ZoneEvent(ZoneEventKind.Cast, player.Id, target.Id, 0, target.Position, (ushort)skillIndex));
        player.CastSlot = cast.Slot;
        player.Target = target.Id;
        player.MoveAngle = PlayerInput.Stop;
        if (skill.CastTicks == 0)
        {
            CompleteHeal(player);
        }
        else
        {
            player.Activity = EntityActivity.Casting;
            player.ActivityTicks = skill.CastTicks;
        }

        return null;
    }

    private void ProgressCast(Entity player)
    {
        if (--player.ActivityTicks <= 0)
        {
            CompleteHeal(player);
        }
    }

    private void CompleteHeal(Entity player)
    {
        var skillIndex = Rules.Classes[player.Archetype].Skills[player.CastSlot - 1];
        var skill = Rules.Skills[skillIndex];
        if (_byId.TryGetValue(player.Target, out var target) && target.IsAlive)
        {
            var amount = Math.Min(skill.Heal, target.MaxHp - target.Hp);
            target.Hp += amount;
            _events.Add(new ZoneEvent(ZoneEventKind.Heal, player.Id, target.Id, amount, target.Position, (ushort)skillIndex));
        }

        Spend(player, player.CastSlot, skill);
        EndCast(player);
    }

    private void Interrupt(Entity player)
    {
        var skill = Rules.Classes[player.Archetype].Skills[player.CastSlot - 1];
        _events.Add(new ZoneEvent(ZoneEventKind.Interrupted, 0, player.Id, 0, player.Position, (ushort)skill));
        EndCast(player);
    }

    private static void EndCast(Entity player)
    {
        player.Activity = EntityActivity.Idle;
        player.ActivityTicks = 0;
        player.CastSlot = 0;
        player.Target = 0;
    }

    private string? CheckAim(Entity player, Vec aim, int range)
    {
        if (!aim.IsWithin(player.Position, range))
        {
            return RefusalCodes.Range;
        }

        return LineOfSight.IsClear(Map, player.Position.TileX, player.Position.TileY, aim.TileX, aim.TileY)
            ? null
            : RefusalCodes.LineOfSight;
    }

    private static void Spend(Entity player, int slot, SkillRules skill)
    {
        if (player.God)
        {
            return;
        }

        player.Mana -= skill.Mana;
        player.Cooldowns[slot - 1] = skill.CooldownTicks;
    }

    /// <summary>Pushes an entity up to <paramref name="distance"/> sub-tiles along <paramref name="angle"/> in
    /// quarter-tile steps, stopping at the first blocked tile.</summary>
    private void Push(Entity entity, int angle, int distance)
    {
        const int StepLength = SubTiles.PerTile / 4;
        for (var moved = 0; moved < distance; moved += StepLength)
        {
            var next = entity.Position + Angles.Step(angle, Math.Min(StepLength, distance - moved));
            if (!Map.IsWalkable(next))
            {
                break;
            }

            entity.Position = next;
        }

        _gridDirty = true;
    }

    private void MoveProjectiles()
    {
        var count = _entities.Count;
        for (var i = 0; i < count; i++)
        {
            var p = _entities[i];
            if (p.Kind != EntityKind.Projectile || p.Removed)
            {
                continue;
            }

            var skill = Rules.Skills[p.Archetype];
            if (p.Target != 0 && (!_byId.TryGetValue(p.Target, out var quarry) || !quarry.IsAlive))
            {
                p.Target = 0;
            }

            if (p.Target != 0)
            {
                var target = _byId[p.Target];
                var d = target.Position - p.Position;
                var reach = skill.ProjectileSpeed + skill.HitRadius;
                if (d.LengthSquared <= (long)reach * reach)
                {
                    Hit(p, target, skill);
                    continue;
                }

                p.Facing = Angles.Of(d.X, d.Y);
                var length = d.Length;
                p.Position += new Vec((int)((long)d.X * skill.ProjectileSpeed / length), (int)((long)d.Y * skill.ProjectileSpeed / length));
            }
            else
            {
                p.Position += Angles.Step(p.Facing, skill.ProjectileSpeed);
                var struck = NearestEnemy(p.Position, skill.HitRadius);
                if (struck is not null)
                {
                    Hit(p, struck, skill);
                    continue;
                }
            }

            if (--p.ActivityTicks <= 0 || !Map.Contains(p.Position.TileX, p.Position.TileY))
            {
                p.Removed = true;
            }
        }

        _gridDirty = true;
    }

    private Entity? NearestEnemy(Vec at, int radius)
    {
        EnsureGrid();
        _found.Clear();
        _grid.Query(at, radius, _found);
        Entity? best = null;
        long bestDistance = long.MaxValue;
        foreach (var index in _found)
        {
            var e = _entities[index];
            if (e.Kind != EntityKind.Enemy || !e.IsAlive)
            {
                continue;
            }

            var d = (e.Position - at).LengthSquared;
            if (d < bestDistance || (d == bestDistance && e.Id < best!.Id))
            {
                best = e;
                bestDistance = d;
            }
        }

        _found.Clear();
        return best;
    }

    private void Hit(Entity projectile, Entity target, SkillRules skill)
    {
        projectile.Removed = true;
        Hurt(target, skill.Damage, projectile.Owner, projectile.Archetype);
    }

    /// <summary>Deals damage (an enemy's defense taken off first); interrupts a cast, draws an idle enemy's aggro,
    /// kills at 0. Dead, invulnerable and god-mode entities take none.</summary>
    private void Hurt(Entity target, int amount, uint source, int skill)
    {
        if (!target.IsAlive || target.God || target.InvulnerableTicks > 0)
        {
            return;
        }

        if (target.Kind == EntityKind.Enemy)
        {
            amount = Math.Max(1, amount - (target.Defense * Rules.DefenseWeightPercent / 100));
            if (target.Activity == EntityActivity.Idle && _byId.TryGetValue(source, out var attacker) && attacker.Kind == EntityKind.Player)
            {
                target.Target = source;
                target.Activity = EntityActivity.Pursue;
            }
        }

        amount = Math.Min(amount, target.Hp);
        target.Hp -= amount;
        _events.Add(new ZoneEvent(ZoneEventKind.Damage, source, target.Id, amount, target.Position, (ushort)skill));
        if (target.Activity == EntityActivity.Casting)
        {
            Interrupt(target);
        }

        if (target.Hp <= 0)
        {
            Kill(target, source);
        }
    }

    private void Kill(Entity target, uint source)
    {
        target.Hp = 0;
        target.Activity = EntityActivity.Dead;
        target.Telegraph = Telegraph.None;
        target.Target = 0;
        _events.Add(new ZoneEvent(ZoneEventKind.Death, source, target.Id, 0, target.Position, 0));
        if (target.Kind == EntityKind.Player)
        {
            // Deaths come before the respawn countdown in a tick, which takes one off at once.
            target.ActivityTicks = Rules.PlayerRespawnTicks + 1;
            target.MoveAngle = PlayerInput.Stop;
            target.CastSlot = 0;
            return;
        }

        target.ActivityTicks = 0;
        target.Removed = true;
        if (target.Template >= 0)
        {
            _respawns.Add((Tick + (uint)Rules.EnemyRespawnTicks, target.Template));
        }
    }
}
