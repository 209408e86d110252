using Worldloom.Forge.Core.Numerics;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class EnemyTests
{
    private const int West = Trig.AnglesPerTurn / 2;
    private static readonly RealmRules Rules = RealmRules.Default;
    private static readonly EnemyArchetype Biter = Rules.Archetypes.Single(a => a.Id == "biter");

    private static (ZoneSimulation Sim, Guid Player, uint Entity, uint Enemy) Near(int dx, int width = 64)
    {
        var sim = Zone.Open(new TestMap(width, 48).Spawn("settlement", 5, 5).Build());
        var player = sim.Join(30, 24, out var entity);
        sim.Run(player, "/spawn biter");
        var enemy = sim.Enemies().Single();
        Assert.True(sim.Run(player, $"/tp {enemy.Position.TileX - dx} {enemy.Position.TileY}").Ok);
        return (sim, player, entity, enemy.Id);
    }

    private static List<TickOutcome> StepUntil(ZoneSimulation sim, Func<bool> done, int limit = 400)
    {
        var outcomes = new List<TickOutcome>();
        while (!done())
        {
            Assert.True(outcomes.Count < limit, "the expected state never came");
            outcomes.Add(sim.Step());
        }

        return outcomes;
    }

    [Fact]
    public void Fsm_IdleUntilAPlayerIsInAggroRange_ThenPursueWindUpAttackRecover()
    {
        var aggroTiles = Biter.Stats.Perception * Biter.AggroPercent / 100;
        var (sim, player, entity, enemy) = Near(aggroTiles + 3);
        sim.Steps(10);
        Assert.Equal(EntityActivity.Idle, sim.Get(enemy).Activity);

        sim.Run(player, $"/tp {sim.Get(enemy).Position.TileX - aggroTiles + 2} {sim.Get(enemy).Position.TileY}");
        sim.Step();
        Assert.Equal(EntityActivity.Pursue, sim.Get(enemy).Activity);
        Assert.Equal(entity, sim.Get(enemy).Target);

        StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.WindUp);
        var windUp = sim.Get(enemy);
        Assert.Equal(TelegraphShape.Cone, windUp.Telegraph.Shape);
        Assert.Equal(windUp.Position, windUp.Telegraph.Centre);
        Assert.Equal(Biter.TelegraphRadius, windUp.Telegraph.Radius);
        Assert.Equal(Biter.WindUpTicks, windUp.Telegraph.TicksLeft);
        Assert.True(sim.Get(entity).Position.IsWithin(windUp.Position, Biter.AttackRange));

        var outcomes = StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.Attack);
        Assert.Equal(Biter.WindUpTicks, outcomes.Count);
        sim.Step();
        Assert.Equal(EntityActivity.Recover, sim.Get(enemy).Activity);
        sim.Steps(Biter.RecoverTicks);
        Assert.Contains(sim.Get(enemy).Activity, new[] { EntityActivity.Pursue, EntityActivity.WindUp });
    }

    [Fact]
    public void Telegraph_PlayerWhoStays_IsHit()
    {
        var (sim, _, entity, enemy) = Near(1);
        StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.WindUp);

        var outcomes = StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.Attack);

        var hit = Assert.Single(outcomes.SelectMany(o => o.Events), e => e.Kind == ZoneEventKind.Damage);
        Assert.Equal((enemy, entity), (hit.Source, hit.Target));
        Assert.Equal(Biter.Stats.Attack * Biter.DamagePercent / 100, hit.Amount);
        Assert.Equal(sim.Get(entity).MaxHp - hit.Amount, sim.Get(entity).Hp);
    }

    [Fact]
    public void Telegraph_PlayerWhoStepsOutBeforeItResolves_IsNotHit()
    {
        var (sim, player, entity, enemy) = Near(1);
        StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.WindUp);
        var telegraph = sim.Get(enemy).Telegraph;

        sim.Submit(player, Zone.Move(1, West));
        var outcomes = StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.Attack);

        Assert.DoesNotContain(outcomes.SelectMany(o => o.Events), e => e.Kind == ZoneEventKind.Damage);
        Assert.False(sim.Get(entity).Position.IsWithin(telegraph.Centre, telegraph.Radius));
        Assert.Equal(sim.Get(entity).MaxHp, sim.Get(entity).Hp);
    }

    [Fact]
    public void Leash_TargetBeyondTheLeash_EnemyReturnsHomeHealed()
    {
        var (sim, player, _, enemy) = Near(3, width: 128);
        var home = sim.Get(enemy).Position;
        sim.Run(player, "/god");
        sim.Step();
        Assert.Equal(EntityActivity.Pursue, sim.Get(enemy).Activity);

        sim.Submit(player, Zone.Move(1, West));
        StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.Return);
        var turned = sim.Get(enemy).Position;
        Assert.NotEqual(home, turned);
        sim.Submit(player, Zone.Move(2, -1));

        StepUntil(sim, () => sim.Get(enemy).Activity == EntityActivity.Idle);
        Assert.Equal(home, sim.Get(enemy).Position);
        Assert.Equal(sim.Get(enemy).MaxHp, sim.Get(enemy).Hp);
        Assert.Equal(0u, sim.Get(enemy).Target);
    }

    [Fact]
    public void Death_RespawnAtTheNearestPlayerSpawn_WithInvulnerabilityFrames()
    {
        var sim = Zone.Open(new TestMap(64, 48).Spawn("settlement", 5, 5).Spawn("settlement", 50, 40).Build());
        var player = Guid.NewGuid();
        var entity = sim.AddPlayer(player, Rules.NewCharacter("mage") with { Hp = 1, Position = Vec.AtTile(40, 30) });
        sim.Run(player, "/spawn biter");

        var outcomes = StepUntil(sim, () => sim.Get(entity).Activity == EntityActivity.Dead);
        Assert.Contains(outcomes.Last().Events, e => e.Kind == ZoneEventKind.Death && e.Target == entity);
        Assert.Equal(Rules.PlayerRespawnTicks, sim.OwnStateOf(player).RespawnTicks);
        sim.Submit(player, Zone.CastAt(1, 2, 0));
        Assert.Equal(RefusalCodes.Dead, Assert.Single(sim.Step().Refusals).Code);

        var respawn = StepUntil(sim, () => sim.Get(entity).Activity != EntityActivity.Dead).Last();
        Assert.Contains(respawn.Events, e => e.Kind == ZoneEventKind.Respawn && e.Target == entity);
        var back = sim.Get(entity);
        Assert.Equal(Vec.AtTile(50, 40), back.Position);
        Assert.Equal(back.MaxHp, back.Hp);
        Assert.Equal(back.MaxMana, back.Mana);
        Assert.True(back.Flags.HasFlag(EntityFlags.Invulnerable));

        // An enemy at the spawn cannot hurt the player while the frames last.
        sim.Run(player, "/spawn biter 3");
        var during = Enumerable.Range(0, Rules.InvulnerabilityTicks - 1).SelectMany(_ => sim.Step().Events).ToList();
        Assert.DoesNotContain(during, e => e.Kind == ZoneEventKind.Damage && e.Target == entity);
        sim.Step();
        Assert.False(sim.Get(entity).Flags.HasFlag(EntityFlags.Invulnerable));
    }

    [Fact]
    public void KilledEnemy_FromTheZonesPopulation_ComesBackAtHomeAfterTheDelay()
    {
        var sim = Zone.Open(new TestMap(48, 48).With(TestMap.Wolf).Spawn("settlement", 5, 5).Build());
        var player = sim.Join(5, 5, out _);
        var count = sim.Enemies().Length;
        Assert.Equal(sim.EnemyTarget, count);
        var homes = sim.Enemies().Select(e => e.Position).OrderBy(p => (p.X, p.Y)).ToList();

        sim.Run(player, "/killall");
        Assert.Empty(sim.Enemies());
        var deaths = sim.Step().Events.Count(e => e.Kind == ZoneEventKind.Death);
        sim.Steps(Rules.EnemyRespawnTicks - 2);
        Assert.Empty(sim.Enemies());
        sim.Steps(1);

        Assert.Equal(count, deaths);
        Assert.Equal(homes, sim.Enemies().Select(e => e.Position).OrderBy(p => (p.X, p.Y)));
    }

    [Fact]
    public void Population_PacksAtPointsOfInterest_ScatteredOnesAwayFromPlayerSpawns()
    {
        var map = new TestMap(128, 128).With(TestMap.Wolf).With(TestMap.Bear)
            .Spawn("settlement", 20, 20).Spawn("lair", 100, 100).Block(64, 64).Build();
        var sim = Zone.Open(map);
        var enemies = sim.Enemies();

        var walkable = (128 * 128) - 1;
        Assert.Equal(Rules.EnemiesPerZone * walkable / (128 * 128), enemies.Length);
        var lair = Vec.AtTile(100, 100);
        var pack = enemies.Where(e => e.Position.IsWithin(lair, ((Rules.PackRadiusTiles * 3 / 2) + 1) * SubTiles.PerTile)).ToList();
        Assert.InRange(pack.Count, Rules.PackSizeMin, Rules.PackSizeMax + 3);
        Assert.All(enemies, e => Assert.True(sim.Map.IsWalkable(e.Position)));
        var settlement = Vec.AtTile(20, 20);
        Assert.All(enemies, e => Assert.False(e.Position.IsWithin(settlement, (Rules.PlayerSpawnClearanceTiles * SubTiles.PerTile) - 1)));
        Assert.Contains(enemies, e => Rules.Archetypes[e.Archetype].Id == "brute");
        Assert.Contains(enemies, e => Rules.Archetypes[e.Archetype].Id == "biter");
    }

    [Fact]
    public void Refusals_OverTheThreshold_KickThePlayerOnce()
    {
        var sim = Zone.Open(new TestMap().Build());
        var player = sim.Join(10, 10, out _);
        var kicks = new List<Kick>();

        for (var s = 1u; s <= (uint)Rules.KickAfterRefusals + 5; s++)
        {
            sim.Submit(player, Zone.CastAt(s, 9, 0));
            kicks.AddRange(sim.Step().Kicks);
        }

        var kick = Assert.Single(kicks);
        Assert.Equal(player, kick.CharacterId);
        Assert.Contains("refused", kick.Reason, StringComparison.Ordinal);
        Assert.True(sim.TryGetEntity(player, out _));
        sim.Submit(player, Zone.Move(1000, 0));
        Assert.Empty(sim.Step().Refusals);
    }

    [Fact]
    public void Refusals_SpreadBeyondTheWindow_DoNotKick()
    {
        var sim = Zone.Open(new TestMap().Build());
        var player = sim.Join(10, 10, out _);
        var spacing = (Rules.RefusalWindowTicks / Rules.KickAfterRefusals) + 1;

        var kicks = 0;
        for (var s = 1u; s <= (uint)Rules.KickAfterRefusals * 2; s++)
        {
            sim.Submit(player, Zone.CastAt(s, 9, 0));
            for (var t = 0; t < spacing; t++)
            {
                kicks += sim.Step().Kicks.Count;
            }
        }

        Assert.Equal(0, kicks);
    }

    [Theory]
    [InlineData("biter", false)]
    [InlineData("brute", true)]
    public void Telegraph_ConeMissesWhoIsBehind_CircleHitsAllAround(string archetype, bool behindIsHit)
    {
        var sim = Zone.Open(new TestMap(64, 48).Build());
        var front = sim.Join(30, 24, out var frontEntity);
        sim.Run(front, $"/spawn {archetype}");
        var enemy = sim.Enemies().Single();
        var (ex, ey) = (enemy.Position.TileX, enemy.Position.TileY);
        sim.Run(front, $"/tp {ex + 1} {ey}");
        var behind = Guid.NewGuid();
        var behindEntity = sim.AddPlayer(behind, Rules.NewCharacter("mage") with { Position = new Vec(enemy.Position.X - 320, enemy.Position.Y) });

        StepUntil(sim, () => sim.Get(enemy.Id).Activity == EntityActivity.WindUp);
        Assert.Equal(frontEntity, sim.Get(enemy.Id).Target);
        var hits = StepUntil(sim, () => sim.Get(enemy.Id).Activity == EntityActivity.Attack).SelectMany(o => o.Events)
            .Where(e => e.Kind == ZoneEventKind.Damage && e.Source == enemy.Id).Select(e => e.Target).ToList();

        Assert.Equal(behindIsHit, hits.Contains(behindEntity));
        Assert.Contains(frontEntity, hits);
    }
}
