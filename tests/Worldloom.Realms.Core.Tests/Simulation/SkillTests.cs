using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class SkillTests
{
    private static readonly RealmRules Rules = RealmRules.Default;
    private static readonly SkillRules Missile = Rules.Skills.Single(s => s.Id == "magic_missile");
    private static readonly SkillRules NovaSkill = Rules.Skills.Single(s => s.Id == "arcane_nova");
    private static readonly SkillRules HealSkill = Rules.Skills.Single(s => s.Id == "heal");
    private static readonly EnemyArchetype Biter = Rules.Archetypes.Single(a => a.Id == "biter");

    /// <summary>A player at (20, 20) of an open 48 × 48 zone and one biter (archetype stats) placed
    /// <paramref name="dx"/> tiles east of the player.</summary>
    private static (ZoneSimulation Sim, Guid Player, uint Entity, uint Enemy) Duel(int dx, RealmRules? rules = null, TestMap? map = null)
    {
        var sim = Zone.Open((map ?? new TestMap(48, 48)).Build(), rules ?? TestRules.Passive);
        var player = sim.Join(20, 20, out var entity);
        Assert.True(sim.Run(player, "/spawn biter").Ok);
        var enemy = sim.Enemies().Single();
        Assert.True(sim.Run(player, $"/tp {enemy.Position.TileX - dx} {enemy.Position.TileY}").Ok);
        return (sim, player, entity, enemy.Id);
    }

    private static int DamageTo(int skillDamage) => Math.Max(1, skillDamage - (Biter.Stats.Defense * Rules.DefenseWeightPercent / 100));

    [Fact]
    public void MagicMissile_HomesOnAMovingEnemyAndHits()
    {
        // Default rules: the biter sees the player and runs at it, so the missile has to turn.
        var (sim, player, entity, enemy) = Duel(7, Rules);
        sim.Run(player, "/god");
        sim.Submit(player, Zone.Move(1, Forge.Core.Numerics.Trig.QuarterTurn));
        sim.Step();
        var before = sim.Get(enemy);

        sim.Submit(player, Zone.CastAt(2, 1, enemy));
        var events = new List<ZoneEvent>();
        for (var t = 0; t < Missile.LifetimeTicks && !events.Any(e => e.Kind == ZoneEventKind.Damage); t++)
        {
            events.AddRange(sim.Step().Events);
        }

        var hit = Assert.Single(events, e => e.Kind == ZoneEventKind.Damage);
        Assert.Equal(entity, hit.Source);
        Assert.Equal(enemy, hit.Target);
        Assert.Equal(DamageTo(Missile.Damage), hit.Amount);
        Assert.Equal(before.Hp - hit.Amount, sim.Get(enemy).Hp);
        Assert.DoesNotContain(sim.Entities, e => e.Kind == EntityKind.Projectile);
        Assert.NotEqual(before.Position, sim.Get(enemy).Position);
    }

    [Fact]
    public void MagicMissile_SpendsManaAndStartsTheCooldown_SecondCastIsRefused()
    {
        var (sim, player, entity, enemy) = Duel(5);

        sim.Submit(player, Zone.CastAt(1, 1, enemy));
        sim.Submit(player, Zone.CastAt(2, 1, enemy));
        var first = sim.Step();
        var second = sim.Step();

        Assert.Empty(first.Refusals);
        Assert.Contains(first.Events, e => e.Kind == ZoneEventKind.Cast && e.Source == entity);
        Assert.Equal(RefusalCodes.Cooldown, Assert.Single(second.Refusals).Code);
        Assert.True(sim.Get(entity).Mana < sim.Get(entity).MaxMana);
        Assert.True(sim.OwnStateOf(player).Cooldown1 > 0);
    }

    [Fact]
    public void MagicMissile_WithoutMana_IsRefused()
    {
        var sim = Zone.Open(new TestMap(48, 48).Build(), TestRules.Passive);
        var player = Guid.NewGuid();
        sim.AddPlayer(player, Rules.NewCharacter("mage") with { Mana = Missile.Mana - 1, Position = Vec.AtTile(20, 20) });
        sim.Run(player, "/spawn biter");

        sim.Submit(player, Zone.CastAt(1, 1, sim.Enemies().Single().Id));

        Assert.Equal(RefusalCodes.Mana, Assert.Single(sim.Step().Refusals).Code);
    }

    [Fact]
    public void MagicMissile_OutOfRange_IsRefused()
    {
        var tiles = (Missile.Range / SubTiles.PerTile) + 2;
        var (sim, player, _, enemy) = Duel(tiles);

        sim.Submit(player, Zone.CastAt(1, 1, enemy));

        Assert.Equal(RefusalCodes.Range, Assert.Single(sim.Step().Refusals).Code);
        Assert.DoesNotContain(sim.Entities, e => e.Kind == EntityKind.Projectile);
    }

    [Fact]
    public void MagicMissile_BehindBlockedGround_IsRefusedForLineOfSight()
    {
        var (sim, player, entity, enemy) = Duel(6, map: new TestMap(48, 48));
        var at = sim.Get(entity).Position;
        var wallX = at.TileX + 3;
        // The same state on the same zone with a wall between: checkpoints carry the zone's key and size, not its ground.
        var walled = Zone.Open(new TestMap(48, 48).Block(wallX, at.TileY).Build(), TestRules.Passive);
        var restored = ZoneSimulation.Restore(walled.Map, walled.Rules, sim.Checkpoint());

        restored.Submit(player, Zone.CastAt(1, 1, enemy));

        Assert.Equal(RefusalCodes.LineOfSight, Assert.Single(restored.Step().Refusals).Code);
    }

    [Theory]
    [InlineData(4, 0u, RefusalCodes.UnknownSkill)]
    [InlineData(0, 0u, RefusalCodes.UnknownSkill)]
    [InlineData(1, 999u, RefusalCodes.UnknownTarget)]
    public void Cast_BadSlotOrTarget_IsRefused(int slot, uint target, string code)
    {
        var (sim, player, _, _) = Duel(3);

        sim.Submit(player, Zone.CastAt(1, slot, target, new Vec(-5, -5)));

        Assert.Equal(code, Assert.Single(sim.Step().Refusals).Code);
    }

    [Fact]
    public void MagicMissile_AtAPoint_FliesStraightAndHitsWhatItMeets()
    {
        var (sim, player, entity, enemy) = Duel(5);
        var target = sim.Get(enemy).Position;

        sim.Submit(player, Zone.CastAt(1, 1, 0, target));
        var damage = Enumerable.Range(0, Missile.LifetimeTicks).SelectMany(_ => sim.Step().Events).Where(e => e.Kind == ZoneEventKind.Damage && e.Source == entity).ToList();

        Assert.Equal(enemy, Assert.Single(damage).Target);
        Assert.Equal(entity, damage[0].Source);
    }

    [Fact]
    public void ArcaneNova_DamagesAndKnocksBackOnlyEnemiesInItsRadius()
    {
        var sim = Zone.Open(new TestMap(48, 48).Build(), TestRules.Passive);
        var player = sim.Join(24, 24, out var entity);
        sim.Run(player, "/spawn biter 8");
        sim.Run(player, "/tp 21 24");
        var at = sim.Get(entity).Position;
        var before = sim.Enemies();
        var inside = before.Where(e => e.Position.IsWithin(at, NovaSkill.Radius)).Select(e => e.Id).ToHashSet();
        Assert.NotEmpty(inside);
        Assert.NotEqual(before.Length, inside.Count);

        sim.Submit(player, Zone.CastAt(1, 2, 0));
        var outcome = sim.Step();

        var damaged = outcome.Events.Where(e => e.Kind == ZoneEventKind.Damage).Select(e => e.Target).ToHashSet();
        Assert.Equal(inside, damaged);
        foreach (var knock in outcome.Events.Where(e => e.Kind == ZoneEventKind.Knockback))
        {
            var was = before.Single(e => e.Id == knock.Target).Position;
            Assert.True((knock.Position - at).LengthSquared > (was - at).LengthSquared, "knocked away from the caster");
        }

        Assert.Equal(inside, outcome.Events.Where(e => e.Kind == ZoneEventKind.Knockback).Select(e => e.Target).ToHashSet());
        foreach (var e in before.Where(e => !inside.Contains(e.Id)))
        {
            Assert.Equal(e.Hp, sim.Get(e.Id).Hp);
            Assert.Equal(e.Position, sim.Get(e.Id).Position);
        }

        Assert.Equal(NovaSkill.CooldownTicks - 1, sim.OwnStateOf(player).Cooldown2);
    }

    [Fact]
    public void Heal_AfterItsCastTime_HealsTheCaster()
    {
        var sim = Zone.Open(new TestMap(48, 48).Build(), TestRules.Passive);
        var player = Guid.NewGuid();
        var entity = sim.AddPlayer(player, Rules.NewCharacter("mage") with { Hp = 40, Position = Vec.AtTile(20, 20) });

        sim.Submit(player, Zone.CastAt(1, 3, 0));
        sim.Step();
        Assert.Equal(EntityActivity.Casting, sim.Get(entity).Activity);
        Assert.Equal(40, sim.Get(entity).Hp);
        var events = Enumerable.Range(0, HealSkill.CastTicks).SelectMany(_ => sim.Step().Events).ToList();

        var heal = Assert.Single(events, e => e.Kind == ZoneEventKind.Heal);
        Assert.Equal(HealSkill.Heal, heal.Amount);
        Assert.Equal(40 + HealSkill.Heal, sim.Get(entity).Hp);
        Assert.Equal(EntityActivity.Idle, sim.Get(entity).Activity);
        Assert.True(sim.OwnStateOf(player).Cooldown3 > 0);
    }

    [Fact]
    public void Heal_OnAnAllyInRange_HealsTheAlly()
    {
        var sim = Zone.Open(new TestMap(48, 48).Build(), TestRules.Passive);
        var healer = sim.Join(20, 20, out var healerEntity);
        var ally = sim.AddPlayer(Guid.NewGuid(), Rules.NewCharacter("mage") with { Hp = 30, Position = Vec.AtTile(24, 20) });

        sim.Submit(healer, Zone.CastAt(1, 3, ally));
        var events = Enumerable.Range(0, HealSkill.CastTicks + 1).SelectMany(_ => sim.Step().Events).ToList();

        var heal = Assert.Single(events, e => e.Kind == ZoneEventKind.Heal);
        Assert.Equal((healerEntity, ally), (heal.Source, heal.Target));
        Assert.Equal(30 + HealSkill.Heal, sim.Get(ally).Hp);
    }

    [Fact]
    public void Heal_InterruptedByDamage_HealsNothingAndCostsNothing()
    {
        // Default rules: the biter next to the caster attacks during the cast.
        var (sim, player, entity, _) = Duel(1, Rules);
        sim.Submit(player, Zone.CastAt(1, 3, 0));
        var events = Enumerable.Range(0, HealSkill.CastTicks + 1).SelectMany(_ => sim.Step().Events).ToList();

        Assert.Contains(events, e => e.Kind == ZoneEventKind.Damage && e.Target == entity);
        Assert.Contains(events, e => e.Kind == ZoneEventKind.Interrupted && e.Target == entity);
        Assert.DoesNotContain(events, e => e.Kind == ZoneEventKind.Heal);
        Assert.Equal(0, sim.OwnStateOf(player).Cooldown3);
        Assert.Equal(sim.Get(entity).MaxMana, sim.Get(entity).Mana);
    }

    [Fact]
    public void Heal_InterruptedByMoving_AndASecondCastWhileCastingIsBusy()
    {
        var sim = Zone.Open(new TestMap(48, 48).Build(), TestRules.Passive);
        var player = Guid.NewGuid();
        var entity = sim.AddPlayer(player, Rules.NewCharacter("mage") with { Hp = 40, Position = Vec.AtTile(20, 20) });

        sim.Submit(player, Zone.CastAt(1, 3, 0));
        sim.Step();
        sim.Submit(player, Zone.CastAt(2, 2, 0));
        var busy = sim.Step();
        sim.Submit(player, Zone.Move(3, 0));
        var moved = sim.Step();

        Assert.Equal(RefusalCodes.Busy, Assert.Single(busy.Refusals).Code);
        Assert.Contains(moved.Events, e => e.Kind == ZoneEventKind.Interrupted && e.Target == entity);
        Assert.Equal(EntityActivity.Moving, sim.Get(entity).Activity);
        Assert.Equal(40, sim.Get(entity).Hp);
    }

    [Fact]
    public void Mana_RegeneratesPerSecond()
    {
        var sim = Zone.Open(new TestMap().Build());
        var player = Guid.NewGuid();
        var entity = sim.AddPlayer(player, Rules.NewCharacter("mage") with { Mana = 10, Position = Vec.AtTile(5, 5) });

        sim.Steps(ZoneSimulation.TicksPerSecond * 2);

        Assert.Equal(10 + (2 * Rules.Classes[0].ManaRegenPerSecond), sim.Get(entity).Mana);
    }
}
