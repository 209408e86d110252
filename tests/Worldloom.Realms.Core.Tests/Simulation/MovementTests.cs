using Worldloom.Forge.Core.Numerics;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;

namespace Worldloom.Realms.Core.Tests.Simulation;

public sealed class MovementTests
{
    private const int East = 0;
    private const int South = Trig.QuarterTurn;
    private static readonly int Speed = RealmRules.Default.Classes[0].Speed;

    [Fact]
    public void Step_MoveEast_CoversTheClassSpeedPerTick()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out var entity);
        var start = sim.Get(entity).Position;

        sim.Submit(id, Zone.Move(1, East));
        sim.Step();

        Assert.Equal(start with { X = start.X + Speed }, sim.Get(entity).Position);
        Assert.Equal(EntityActivity.Moving, sim.Get(entity).Activity);
        Assert.Equal(1u, sim.OwnStateOf(id).LastSequence);
    }

    [Fact]
    public void Step_OnCostlyTile_MovesAtSpeedTimesHundredOverCost()
    {
        var sim = Zone.Open(new TestMap().Cost(10, 10, 200).Cost(10, 12, 70).Build());
        var slow = sim.Join(10, 10, out var slowEntity);
        var fast = sim.Join(10, 12, out var fastEntity);
        var slowStart = sim.Get(slowEntity).Position;
        var fastStart = sim.Get(fastEntity).Position;

        sim.Submit(slow, Zone.Move(1, East));
        sim.Submit(fast, Zone.Move(1, East));
        sim.Step();

        Assert.Equal(slowStart.X + (Speed * 100 / 200), sim.Get(slowEntity).Position.X);
        Assert.Equal(fastStart.X + (Speed * 100 / 70), sim.Get(fastEntity).Position.X);
    }

    [Fact]
    public void Step_TowardsBlockedTile_StopsAtItsEdge()
    {
        var sim = Zone.Open(new TestMap().BlockColumn(12).Build());
        var id = sim.Join(11, 5, out var entity);

        sim.Submit(id, Zone.Move(1, East));
        sim.Steps(20);

        var at = sim.Get(entity).Position;
        Assert.Equal(11, at.TileX);
        Assert.True(at.X > SubTiles.CentreOf(11));
    }

    [Fact]
    public void Step_DiagonalIntoWall_SlidesAlongIt()
    {
        var sim = Zone.Open(new TestMap().BlockColumn(12).Build());
        var id = sim.Join(11, 5, out var entity);
        var start = sim.Get(entity).Position;

        sim.Submit(id, Zone.Move(1, Trig.QuarterTurn / 2));
        sim.Steps(20);

        var at = sim.Get(entity).Position;
        Assert.Equal(11, at.TileX);
        Assert.True(at.Y > start.Y + (10 * Speed / 2));
    }

    [Fact]
    public void Step_AppliesOneInputPerTick_InSequenceOrder()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out var entity);
        var start = sim.Get(entity).Position;

        sim.Submit(id, Zone.Move(2, South));
        sim.Submit(id, Zone.Move(1, East));
        sim.Step();
        var afterOne = sim.Get(entity).Position;
        sim.Step();

        Assert.Equal(start with { X = start.X + Speed }, afterOne);
        Assert.Equal(2u, sim.OwnStateOf(id).LastSequence);
        Assert.Equal(new Vec(start.X + Speed, start.Y + Speed), sim.Get(entity).Position);
    }

    [Fact]
    public void Submit_ReplayedSequence_IsDroppedAndRefused()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out var entity);
        sim.Submit(id, Zone.Move(5, PlayerInput.Stop));
        sim.Step();
        var at = sim.Get(entity).Position;

        sim.Submit(id, Zone.Move(5, East));
        sim.Submit(id, Zone.Move(3, East));
        var outcome = sim.Step();

        Assert.Equal(at, sim.Get(entity).Position);
        Assert.Equal(2, outcome.Refusals.Count);
        Assert.All(outcome.Refusals, r => Assert.Equal(RefusalCodes.Replayed, r.Code));
        Assert.Equal([5u, 3u], outcome.Refusals.Select(r => r.Sequence));
        Assert.Equal(5u, sim.OwnStateOf(id).LastSequence);
    }

    [Fact]
    public void Submit_SameSequenceQueuedTwice_SecondIsReplay()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out _);

        sim.Submit(id, Zone.Move(1, East));
        sim.Submit(id, Zone.Move(1, South));
        var outcome = sim.Step();

        Assert.Equal(RefusalCodes.Replayed, Assert.Single(outcome.Refusals).Code);
    }

    [Fact]
    public void Submit_MoreCastsThanTheQueueHolds_IsFlood_AndStillKicks()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out _);
        var max = (uint)RealmRules.Default.MaxQueuedInputs;

        for (var s = 1u; s <= max + 2; s++)
        {
            sim.Submit(id, Zone.CastAt(s, 1, 0, Vec.AtTile(14, 10)));
        }

        var outcome = sim.Step();
        Assert.Equal(2, outcome.Refusals.Count(r => r.Code == RefusalCodes.Flood));

        // A client that keeps it up is kicked, as before.
        var sequence = max + 2;
        var kicked = false;
        for (var tick = 0; tick < 20 && !kicked; tick++)
        {
            for (var n = 0; n < 10; n++)
            {
                sim.Submit(id, Zone.CastAt(++sequence, 1, 0, Vec.AtTile(14, 10)));
            }

            kicked = sim.Step().Kicks.Any(k => k.CharacterId == id);
        }

        Assert.True(kicked, "a client flooding the queue with casts was never kicked");
    }

    [Fact]
    public void Submit_ABurstOfMoves_SupersedesTheOldestQueued_AndIsNeverFlood()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out _);
        var max = (uint)RealmRules.Default.MaxQueuedInputs;

        // A stalled connection catches up: five seconds of inputs arrive between two ticks, twice.
        var sequence = 0u;
        for (var burst = 0; burst < 2; burst++)
        {
            for (var n = 0; n < 100; n++)
            {
                sim.Submit(id, Zone.Move(++sequence, n % 2 == 0 ? East : South));
            }

            var outcome = sim.Step();
            Assert.Empty(outcome.Refusals);
            Assert.Empty(outcome.Kicks);
        }

        // The newest inputs were kept: the queue drains to the last one sent.
        for (var t = 0; t < max; t++)
        {
            sim.Step();
        }

        Assert.Equal(sequence, sim.OwnStateOf(id).LastSequence);

        // A cast is never superseded: the moves behind it are, and the cast still goes first.
        var caster = sim.Join(12, 12, out _);
        sim.Submit(caster, Zone.CastAt(1, 1, 0, Vec.AtTile(14, 12)));
        for (var s = 2u; s <= 100; s++)
        {
            sim.Submit(caster, Zone.Move(s, East));
        }

        Assert.Empty(sim.Step().Refusals);
        Assert.Equal(1u, sim.OwnStateOf(caster).LastSequence);
    }

    [Fact]
    public void Step_Backlog_DropsSupersededMovesAndDrainsWithoutFlood()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out _);
        var max = (uint)RealmRules.Default.MaxQueuedInputs;

        // A delay spike left a full queue; the client goes on sending one input a tick.
        for (var s = 1u; s <= max; s++)
        {
            sim.Submit(id, Zone.Move(s, East));
        }

        var first = sim.Step();
        Assert.Empty(first.Refusals);
        // All but the last MaxBacklog were superseded; the first of those was applied.
        Assert.Equal(max - ZoneSimulation.MaxBacklog + 1, sim.OwnStateOf(id).LastSequence);

        for (var s = max + 1; s <= max + 40; s++)
        {
            sim.Submit(id, Zone.Move(s, East));
            Assert.Empty(sim.Step().Refusals);
        }

        Assert.True(sim.OwnStateOf(id).LastSequence >= max + 40 - ZoneSimulation.MaxBacklog);
    }

    [Fact]
    public void Step_Backlog_StopsAtACastOrABadAngle()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out _);

        sim.Submit(id, Zone.Move(1, East));
        sim.Submit(id, Zone.Move(2, 5000));
        sim.Submit(id, Zone.Move(3, East));
        sim.Submit(id, Zone.Move(4, East));
        sim.Submit(id, Zone.Move(5, East));

        // 1 is dropped; the bad angle stops the shedding and is refused as before.
        var outcome = sim.Step();
        Assert.Equal((RefusalCodes.Invalid, 2u), (Assert.Single(outcome.Refusals).Code, Assert.Single(outcome.Refusals).Sequence));
        Assert.Equal(2u, sim.OwnStateOf(id).LastSequence);

        // A cast at the head of a backlog is applied, not dropped (dropping it would have applied 4 this tick).
        var caster = sim.Join(12, 12, out _);
        sim.Submit(caster, Zone.Move(1, East));
        sim.Submit(caster, Zone.CastAt(2, 1, 0, Vec.AtTile(14, 12)));
        sim.Submit(caster, Zone.Move(3, East));
        sim.Submit(caster, Zone.Move(4, East));
        sim.Submit(caster, Zone.Move(5, East));
        sim.Step();
        Assert.Equal(2u, sim.OwnStateOf(caster).LastSequence);
    }

    [Fact]
    public void Step_InvalidAngle_IsRefusedAndDoesNotMove()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out var entity);
        var at = sim.Get(entity).Position;

        sim.Submit(id, Zone.Move(1, 5000));
        var outcome = sim.Step();

        Assert.Equal(RefusalCodes.Invalid, Assert.Single(outcome.Refusals).Code);
        Assert.Equal(at, sim.Get(entity).Position);
    }

    [Fact]
    public void AddPlayer_OnBlockedTileOrWithoutPosition_StandsOnWalkableGround()
    {
        var sim = Zone.Open(new TestMap().Block(5, 5).Spawn("settlement", 20, 20).Build());

        var blocked = sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage") with { Position = Vec.AtTile(5, 5) });
        var nowhere = sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage"));

        Assert.True(sim.Map.IsWalkable(sim.Get(blocked).Position));
        Assert.Equal(Vec.AtTile(20, 20), sim.Get(nowhere).Position);
    }

    [Fact]
    public void AddPlayer_Twice_Throws_AndRemoveGivesBackTheCharacter()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out var entity);

        Assert.Throws<InvalidOperationException>(() => sim.AddPlayer(id, RealmRules.Default.NewCharacter("mage")));
        var character = sim.RemovePlayer(id);

        Assert.Equal(Vec.AtTile(10, 10), character.Position);
        Assert.Equal("mage", character.ClassId);
        Assert.False(sim.TryGetEntity(id, out _));
        Assert.False(sim.Has(entity));
        Assert.Throws<KeyNotFoundException>(() => sim.RemovePlayer(id));
    }

    [Fact]
    public void RestartSequence_AfterAReconnect_AcceptsSequencesFromOneAgain()
    {
        var sim = Zone.Open(new TestMap().Build());
        var id = sim.Join(10, 10, out var entity);
        sim.Submit(id, Zone.Move(500, PlayerInput.Stop));
        sim.Submit(id, Zone.Move(501, East));
        sim.Step();
        var at = sim.Get(entity).Position;

        sim.RestartSequence(id);
        sim.Submit(id, Zone.Move(1, South));
        var outcome = sim.Step();

        Assert.Empty(outcome.Refusals);
        Assert.Equal(1u, sim.OwnStateOf(id).LastSequence);
        Assert.Equal(at with { Y = at.Y + Speed }, sim.Get(entity).Position);
    }
}
