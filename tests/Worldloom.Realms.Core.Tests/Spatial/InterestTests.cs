using Worldloom.Forge.Core.Random;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Rules;
using Worldloom.Realms.Core.Simulation;
using Worldloom.Realms.Core.Tests.Simulation;

namespace Worldloom.Realms.Core.Tests.Spatial;

public sealed class InterestTests
{
    [Fact]
    public void CollectVisible_ReturnsExactlyTheEntitiesWithinTheRadius_ByIdAndNeverAFarOne()
    {
        var rng = new ChaChaRng(new byte[32]);
        var sim = Zone.Open(new TestMap(200, 200).With(TestMap.Wolf).Spawn("lair", 100, 100).Build());
        var viewers = new List<uint>();
        for (var i = 0; i < 60; i++)
        {
            viewers.Add(sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage") with
            {
                Position = new Vec(rng.NextInt(200 * 256), rng.NextInt(200 * 256)),
            }));
        }

        var visible = new List<EntityState>();
        foreach (var radius in new[] { 0, 5, 8, 32, 70 })
        {
            foreach (var viewer in viewers)
            {
                sim.CollectVisible(viewer, radius, visible);
                var at = sim.Get(viewer).Position;
                var expected = sim.Entities.Where(e => e.Position.IsWithin(at, radius * SubTiles.PerTile)).Select(e => e.Id);

                Assert.Equal(expected, visible.Select(e => e.Id));
                Assert.All(visible, e => Assert.True(e.Position.IsWithin(at, radius * SubTiles.PerTile)));
                Assert.Contains(viewer, visible.Select(e => e.Id));
            }
        }

        Assert.True(sim.Enemies().Length > 0);
    }

    [Fact]
    public void CollectVisible_WithALimit_ReturnsTheNearestWithinTheRadius_TheViewerAlways()
    {
        var rng = new ChaChaRng(new byte[32]);
        var sim = Zone.Open(new TestMap(200, 200).With(TestMap.Wolf).Spawn("lair", 100, 100).Build());
        var viewers = new List<uint>();
        for (var i = 0; i < 80; i++)
        {
            // Half scattered, half in a crowd of a few tiles, some on the very same spot (ties go by id).
            var position = i % 2 == 0
                ? new Vec(rng.NextInt(200 * 256), rng.NextInt(200 * 256))
                : new Vec((100 * 256) + (rng.NextInt(4) * 256), (100 * 256) + (rng.NextInt(4) * 256));
            viewers.Add(sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage") with { Position = position }));
        }

        var visible = new List<EntityState>();
        foreach (var (radius, limit) in new[] { (0, 1), (24, 1), (24, 5), (24, 64), (70, 20), (3, 500) })
        {
            foreach (var viewer in viewers)
            {
                sim.CollectVisible(viewer, radius, limit, visible);
                var at = sim.Get(viewer).Position;
                var nearest = sim.Entities
                    .Where(e => e.Position.IsWithin(at, radius * SubTiles.PerTile))
                    .OrderBy(e => Squared(e.Position.X - at.X) + Squared(e.Position.Y - at.Y))
                    .ThenBy(e => e.Id)
                    .Take(limit)
                    .Select(e => e.Id)
                    .ToList();
                if (!nearest.Contains(viewer))
                {
                    nearest[^1] = viewer;
                }

                Assert.Equal(nearest.Order(), visible.Select(e => e.Id));
            }
        }

        static long Squared(int d) => (long)d * d;
    }

    [Fact]
    public void CollectVisible_AfterEntitiesMove_FollowsThem()
    {
        var sim = Zone.Open(new TestMap(128, 128).Build());
        var walker = sim.Join(10, 10, out var walkerEntity);
        sim.Join(60, 10, out var watcher);
        var visible = new List<EntityState>();

        sim.CollectVisible(watcher, 32, visible);
        Assert.DoesNotContain(walkerEntity, visible.Select(e => e.Id));

        sim.Submit(walker, Zone.Move(1, 0));
        sim.Steps(100);
        sim.CollectVisible(watcher, 32, visible);

        Assert.Contains(walkerEntity, visible.Select(e => e.Id));
    }

    [Fact]
    public void CollectVisible_UnknownViewer_GivesNothing()
    {
        var sim = Zone.Open(new TestMap().Build());
        sim.Join(5, 5, out _);
        var visible = new List<EntityState> { default };

        sim.CollectVisible(999, 32, visible);

        Assert.Empty(visible);
    }

    [Fact]
    public void CollectVisible_WithScratch_OnSeveralThreadsAtOnce_GivesWhatOneThreadGives()
    {
        var rng = new ChaChaRng(new byte[32]);
        var sim = Zone.Open(new TestMap(200, 200).With(TestMap.Wolf).Spawn("lair", 100, 100).Build());
        var viewers = new List<uint>();
        for (var i = 0; i < 200; i++)
        {
            var position = new Vec((90 * 256) + rng.NextInt(20 * 256), (90 * 256) + rng.NextInt(20 * 256));
            viewers.Add(sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage") with { Position = position }));
        }

        var expected = viewers.Select(v =>
        {
            var visible = new List<EntityState>();
            sim.CollectVisible(v, 24, 16, visible);
            return visible.Select(e => e.Id).ToArray();
        }).ToArray();

        sim.PrepareVisible();
        var actual = new uint[viewers.Count][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
        {
            var scratch = new VisibleScratch();
            var visible = new List<EntityState>();
            for (var round = 0; round < 20; round++)
            {
                for (var i = w; i < viewers.Count; i += 4)
                {
                    sim.CollectVisible(viewers[i], 24, 16, visible, scratch);
                    actual[i] = [.. visible.Select(e => e.Id)];
                }
            }
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CollectVisible_WithOneScratch_AsTheZoneGrows_StaysByIdAndComplete()
    {
        // The scratch keeps a bit per entity of the zone to sort what it found: a larger zone must not reuse a short one.
        var rng = new ChaChaRng(new byte[32]);
        var sim = Zone.Open(new TestMap(64, 64).Build());
        var scratch = new VisibleScratch();
        var visible = new List<EntityState>();
        var viewers = new List<uint>();
        foreach (var joining in new[] { 3, 60, 400, 1500 })
        {
            for (var i = 0; i < joining; i++)
            {
                var position = new Vec(rng.NextInt(64 * 256), rng.NextInt(64 * 256));
                viewers.Add(sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage") with { Position = position }));
            }

            sim.PrepareVisible();
            foreach (var viewer in viewers.Where((_, i) => i % 7 == 0))
            {
                sim.CollectVisible(viewer, 24, 64, visible, scratch);
                var at = sim.Get(viewer).Position;
                var nearest = sim.Entities
                    .Where(e => e.Position.IsWithin(at, 24 * SubTiles.PerTile))
                    .OrderBy(e => ((long)(e.Position.X - at.X) * (e.Position.X - at.X)) + ((long)(e.Position.Y - at.Y) * (e.Position.Y - at.Y)))
                    .ThenBy(e => e.Id)
                    .Take(64)
                    .Select(e => e.Id);

                Assert.Equal(nearest.Order(), visible.Select(e => e.Id));
            }
        }
    }

    [Fact]
    public void CollectVisible_WithScratch_InSteadyState_AllocatesNothing()
    {
        // Run for every client every tick: the scratch and the list are reused.
        var rng = new ChaChaRng(new byte[32]);
        var sim = Zone.Open(new TestMap(64, 64).Build());
        var viewers = Enumerable.Range(0, 300).Select(_ => sim.AddPlayer(Guid.NewGuid(), RealmRules.Default.NewCharacter("mage") with
        {
            Position = new Vec(rng.NextInt(64 * 256), rng.NextInt(64 * 256)),
        })).ToList();
        sim.PrepareVisible();
        var scratch = new VisibleScratch();
        var visible = new List<EntityState>();
        void Run()
        {
            foreach (var viewer in viewers)
            {
                sim.CollectVisible(viewer, 24, 64, visible, scratch);
            }
        }

        var rounds = SteadyAllocation.Rounds(Run);

        Assert.Equal(64, visible.Count);
        Assert.True(rounds.Min() == 0, $"bytes allocated per round of 300 viewers: {string.Join(", ", rounds)}");
    }

    [Fact]
    public void CollectVisible_WithScratch_AfterAChange_WantsPrepareVisibleFirst()
    {
        var sim = Zone.Open(new TestMap().Build());
        var walker = sim.Join(5, 5, out var entity);
        sim.PrepareVisible();
        sim.Submit(walker, Zone.Move(1, 0));
        sim.Step();

        Assert.Throws<InvalidOperationException>(() => sim.CollectVisible(entity, 24, 16, [], new VisibleScratch()));
        sim.PrepareVisible();
        var visible = new List<EntityState>();
        sim.CollectVisible(entity, 24, 16, visible, new VisibleScratch());
        Assert.Contains(entity, visible.Select(e => e.Id));
    }
}
