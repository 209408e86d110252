using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary><see cref="VisibleEvents.Select"/> has a hashed path (a list of at most 256 visible), a searched path
/// (more) and an interface path (other collections): each must pick exactly the events whose source or target is
/// seen, in their order.</summary>
public sealed class VisibleEventsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(256)]
    [InlineData(700)]
    public void Select_PicksTheEventsOfVisibleEntities_InOrder_WhateverTheCollections(int visibleCount)
    {
        var random = new Random(visibleCount + 3);
        for (var round = 0; round < 50; round++)
        {
            var ids = Enumerable.Range(0, visibleCount * 3).Select(i => (uint)random.Next(1, 5000)).Distinct().Take(visibleCount).Order().ToList();
            var visible = ids.Select(id => Samples.Wolf(id, 0, 0)).ToList();
            var events = Enumerable.Range(0, 120).Select(_ => new ZoneEvent(
                ZoneEventKind.Damage, (uint)random.Next(0, 5000), (uint)random.Next(0, 5000), random.Next(100), new Vec(0, 0), 0)).ToArray();
            var expected = events.Where(e => (e.Source != 0 && ids.Contains(e.Source)) || (e.Target != 0 && ids.Contains(e.Target))).ToList();

            var into = new List<ZoneEvent> { default };
            VisibleEvents.Select(visible, events, into);
            Assert.Equal(expected, into);
            VisibleEvents.Select(visible, events.ToList(), into);
            Assert.Equal(expected, into);
            VisibleEvents.Select(visible.AsReadOnly(), events, into);
            Assert.Equal(expected, into);
            VisibleEvents.Select(visible, events.AsReadOnly(), into);
            Assert.Equal(expected, into);
        }
    }
}
