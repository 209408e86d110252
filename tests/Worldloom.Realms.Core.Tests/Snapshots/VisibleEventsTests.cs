using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary><see cref="VisibleEvents"/> files a tick's events by entity once and selects each client's from that:
/// whatever the sizes (events marked on the stack or in a rented array), the collections and the ids, it must pick
/// exactly the events whose source or target is seen, in the tick's order, each once, as scanning every event would.</summary>
public sealed class VisibleEventsTests
{
    [Theory]
    [InlineData(0, 120)]
    [InlineData(1, 120)]
    [InlineData(64, 0)]
    [InlineData(64, 120)]
    [InlineData(256, 500)]
    [InlineData(700, 120)]
    [InlineData(64, 9000)]
    public void Select_PicksTheEventsOfVisibleEntities_InOrder_WhateverTheCollections(int visibleCount, int eventCount)
    {
        var random = new Random((visibleCount * 31) + eventCount);
        var index = new VisibleEvents();
        for (var round = 0; round < 20; round++)
        {
            // Ids near uint.MaxValue too: the index packs an id beside an event number.
            var pool = round % 4 == 3 ? uint.MaxValue - 6000u : 0u;
            var ids = Enumerable.Range(0, visibleCount * 3).Select(_ => pool + (uint)random.Next(1, 5000)).Distinct().Take(visibleCount).Order().ToList();
            var visible = ids.Select(id => Samples.Wolf(id, 0, 0)).ToList();
            // A tick's count varies from round to round, so the index is reused at other sizes.
            var events = Enumerable.Range(0, random.Next(eventCount / 2, eventCount + 1)).Select(_ =>
            {
                var source = random.Next(4) == 0 ? 0 : pool + (uint)random.Next(1, 5000);
                var target = random.Next(6) == 0 ? source : random.Next(4) == 0 ? 0 : pool + (uint)random.Next(1, 5000);
                return new ZoneEvent(ZoneEventKind.Damage, source, target, random.Next(100), new Vec(0, 0), 0);
            }).ToArray();
            var expected = events.Where(e => (e.Source != 0 && ids.Contains(e.Source)) || (e.Target != 0 && ids.Contains(e.Target))).ToList();

            index.Index(round % 2 == 0 ? events : events.ToList());
            var into = new List<ZoneEvent> { default };
            index.Select(visible, into);
            Assert.Equal(expected, into);
            index.Select(visible.AsReadOnly(), into);
            Assert.Equal(expected, into);
        }
    }

    [Fact]
    public void Select_FromSeveralThreadsAtOnce_GivesEachClientItsOwnEvents()
    {
        var random = new Random(7);
        var events = Enumerable.Range(0, 400).Select(_ => new ZoneEvent(
            ZoneEventKind.Damage, (uint)random.Next(1, 2000), (uint)random.Next(0, 2000), 1, new Vec(0, 0), 0)).ToArray();
        var index = new VisibleEvents();
        index.Index(events);
        var clients = Enumerable.Range(0, 64).Select(c => Enumerable.Range(0, 64).Select(i => (uint)(1 + (c * 17) + (i * 29))).Distinct().Order().ToList()).ToList();

        Parallel.For(0, clients.Count, c =>
        {
            var visible = clients[c].Select(id => Samples.Wolf(id, 0, 0)).ToList();
            var into = new List<ZoneEvent>();
            for (var repeat = 0; repeat < 20; repeat++)
            {
                index.Select(visible, into);
                Assert.Equal(events.Where(e => clients[c].Contains(e.Source) || clients[c].Contains(e.Target)), into);
            }
        });
    }
}
