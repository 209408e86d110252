using System.Buffers;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary>The encoder's byte budget: what must go always goes, the rest fits the budget, by priority, and nothing
/// waits forever.</summary>
public sealed class SnapshotBudgetTests
{
    private const uint Viewer = 1;

    [Fact]
    public void Payloads_NeverExceedTheBudget_ButForTheMandatoryPart()
    {
        var encoder = new SnapshotEncoder(history: 8, budgetBytes: 120);
        var decoder = new SnapshotDecoder(history: 8);
        var crowd = Samples.Crowd(200);
        var deferred = 0;
        for (uint tick = 1; tick <= 60; tick++)
        {
            crowd = Samples.Moved(crowd, 24);
            var payload = Encode(encoder, tick, crowd, []);
            var stats = encoder.LastStats;

            Assert.True(payload.Length <= Math.Max(120, stats.MandatoryBytes), $"tick {tick}: {payload.Length} bytes, mandatory {stats.MandatoryBytes}");
            Assert.True(stats.MandatoryBytes < 40, $"mandatory {stats.MandatoryBytes}");
            Assert.Equal(payload.Length, stats.Bytes);
            Assert.True(decoder.TryDecode(payload, out var snapshot, out var error), error?.ToString());
            Assert.Equal(encoder.ClientView(tick), snapshot.Entities.ToArray());
            encoder.Acknowledge(tick);
            deferred += stats.Deferred;
        }

        Assert.True(deferred > 0, "the budget never bound, so this test tests nothing");
    }

    [Fact]
    public void TheOwnEntity_IsSentEverySnapshot_HoweverTightTheBudget()
    {
        var encoder = new SnapshotEncoder(history: 8, budgetBytes: 1);
        var decoder = new SnapshotDecoder(history: 8);
        var crowd = Samples.Crowd(50);
        for (uint tick = 1; tick <= 20; tick++)
        {
            crowd = Samples.Moved(crowd, 40);
            crowd[0] = crowd[0] with { Hp = 250 - (int)tick };
            var own = Samples.Own(sequence: 1000 + tick);
            var payload = Encode(encoder, tick, crowd, [], own);

            Assert.True(decoder.TryDecode(payload, out var snapshot, out var error), error?.ToString());
            Assert.Equal(Quantizer.Entity(crowd[0]), snapshot.Entities.Single(e => e.Id == Viewer));
            Assert.Equal(own, snapshot.Own);
            Assert.Equal(encoder.ClientView(tick), snapshot.Entities.ToArray());
            encoder.Acknowledge(tick);
        }
    }

    [Fact]
    public void EveryEntity_IsUpdatedWithinABoundedNumberOfTicks_TheNearAndTheThreateningMoreOften()
    {
        var encoder = new SnapshotEncoder(history: 8, budgetBytes: 150);
        var decoder = new SnapshotDecoder(history: 8);

        // The viewer at a corner of a block of wolves 10 wide and 12 deep, 4 tiles apart: the nearest at 4 tiles, the farthest
        // at about 60. One far wolf has the viewer as its target, the others none.
        var crowd = Samples.Crowd(120).Select(e => e with { Target = 0 }).ToList();
        crowd[0] = crowd[0] with { Position = new Vec(36 * 256, 46 * 256) };
        var threat = crowd[^1].Id;
        crowd[^1] = crowd[^1] with { Target = Viewer };
        var lastUpdate = crowd.ToDictionary(e => e.Id, _ => 0u);
        var gaps = crowd.ToDictionary(e => e.Id, _ => new List<uint>());
        var held = new Dictionary<uint, EntityState>();
        for (uint tick = 1; tick <= 200; tick++)
        {
            crowd = Samples.Moved(crowd, 16);
            var payload = Encode(encoder, tick, crowd, []);
            Assert.True(decoder.TryDecode(payload, out var snapshot, out var error), error?.ToString());
            encoder.Acknowledge(tick);
            foreach (var e in snapshot.Entities)
            {
                if (!held.TryGetValue(e.Id, out var before))
                {
                    // Entering: 120 whole entities take a few snapshots at 150 bytes each.
                    Assert.True(tick <= 20, $"entity {e.Id} entered at tick {tick}");
                    lastUpdate[e.Id] = tick;
                }
                else if (before != e)
                {
                    gaps[e.Id].Add(tick - lastUpdate[e.Id]);
                    lastUpdate[e.Id] = tick;
                }

                held[e.Id] = e;
            }
        }

        // Everything moves every tick, so every entity always has a change waiting.
        Assert.All(crowd, e => Assert.True(lastUpdate[e.Id] >= 190, $"entity {e.Id} last updated at tick {lastUpdate[e.Id]}"));
        var worst = gaps.Values.Max(g => g.Max());
        Assert.True(worst <= 24, $"an entity waited {worst} ticks");
        Assert.Equal(1u, gaps[Viewer].Max());
        // Right after the entries the others have a backlog of priority; past it the attacker goes every tick.
        Assert.True(gaps[threat].Max() <= 3, $"the wolf targeting the viewer waited {gaps[threat].Max()} ticks");
        Assert.True(gaps[threat].Count >= 180, $"the wolf targeting the viewer was updated {gaps[threat].Count} times");
        var near = crowd.Where(e => e.Id != Viewer).OrderBy(e => Distance(e, crowd[0])).Take(10).Average(e => gaps[e.Id].Average(g => (double)g));
        var far = crowd.Where(e => e.Id != threat).OrderByDescending(e => Distance(e, crowd[0])).Take(10).Average(e => gaps[e.Id].Average(g => (double)g));
        Assert.True(near < far, $"near entities waited {near:F1} ticks on average, far ones {far:F1}");
    }

    [Fact]
    public void EventsOfTheViewer_GoFirst_AndEventsUseAtMostHalfTheRoom()
    {
        var encoder = new SnapshotEncoder(history: 8, budgetBytes: 100);
        var decoder = new SnapshotDecoder(history: 8);
        var crowd = Samples.Crowd(10);
        var events = Enumerable.Range(0, 40)
            .Select(i => new ZoneEvent(ZoneEventKind.Damage, (uint)(2 + (2 * (i % 10))), i % 13 == 0 ? Viewer : 4u, 10 + i, new Vec(i * 256, 300), 0))
            .ToList();

        var payload = Encode(encoder, 1, crowd, events);

        Assert.True(decoder.TryDecode(payload, out var snapshot, out var error), error?.ToString());
        var mine = events.Where(e => e.Target == Viewer).Select(Quantizer.Event).ToList();
        Assert.Equal(mine, snapshot.Events.Where(e => e.Target == Viewer));
        Assert.InRange(snapshot.Events.Length, mine.Count + 1, events.Count - 1);
        Assert.Equal(events.Count - snapshot.Events.Length, encoder.LastStats.EventsDropped);

        // Sent in the order they happened.
        var order = snapshot.Events.Select(e => events.FindIndex(x => Quantizer.Event(x) == e)).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void EntitiesThatDidNotFit_StayOnTheClientAsTheyWere()
    {
        var encoder = new SnapshotEncoder(history: 8, budgetBytes: 64);
        var decoder = new SnapshotDecoder(history: 8);
        var crowd = Samples.Crowd(40);
        var first = Encode(encoder, 1, crowd, []);
        Assert.True(decoder.TryDecode(first, out var full, out _));
        Assert.InRange(full.Entities.Length, 2, 39);
        encoder.Acknowledge(1);

        var moved = Samples.Moved(crowd, 32);
        var second = Encode(encoder, 2, moved, []);

        Assert.True(decoder.TryDecode(second, out var delta, out var error), error?.ToString());
        var now = moved.ToDictionary(e => e.Id, Quantizer.Entity);
        var before = full.Entities.ToDictionary(e => e.Id);
        Assert.All(delta.Entities, e => Assert.True(e == now[e.Id] || (before.TryGetValue(e.Id, out var b) && e == b)));
        Assert.Contains(delta.Entities, e => before.TryGetValue(e.Id, out var b) && e == b && e != now[e.Id]);
        Assert.Equal(encoder.ClientView(2), delta.Entities.ToArray());
        Assert.Empty(delta.Left);
    }

    private static byte[] Encode(SnapshotEncoder encoder, uint tick, List<EntityState> visible, List<ZoneEvent> events, OwnState? own = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        encoder.Encode(tick, own ?? Samples.Own(), visible, events, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static long Distance(EntityState a, EntityState b) =>
        Math.Max(Math.Abs(a.Position.X - b.Position.X), Math.Abs(a.Position.Y - b.Position.Y));
}
