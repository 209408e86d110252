using System.Numerics;
using System.Runtime.InteropServices;
using Worldloom.Realms.Core.Entities;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// Which of a tick's events a client is told of: those whose source or target it sees. Zone grains and the bench
/// choose them the same way, so the bench measures what a zone sends.
/// </summary>
public static class VisibleEvents
{
    /// <summary>Fills <paramref name="into"/> (cleared first) with the events of <paramref name="events"/> whose source
    /// or target is in <paramref name="visible"/>, which must be sorted by id as
    /// <see cref="Simulation.ZoneSimulation.CollectVisible(uint, int, int, List{EntityState})"/> leaves it.</summary>
    public static void Select(IReadOnlyList<EntityState> visible, IReadOnlyList<ZoneEvent> events, List<ZoneEvent> into)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        if (events.Count == 0)
        {
            return;
        }

        // The server calls this for every client each tick, with every event of the tick: a crowd's events times its
        // clients. Searching a span of the ids (no interface call or entity copy per probe) keeps that cheap.
        if (visible is List<EntityState> list)
        {
            var span = CollectionsMarshal.AsSpan(list);
            ReadOnlySpan<ZoneEvent> all = events switch
            {
                ZoneEvent[] array => array,
                List<ZoneEvent> eventList => CollectionsMarshal.AsSpan(eventList),
                _ => ReadOnlySpan<ZoneEvent>.Empty,
            };
            if (all.Length == events.Count && span.Length <= MaxHashed)
            {
                // A small open-addressed set of the visible ids (0 marks an empty slot; id 0 is never an entity's), so
                // each event costs two probes instead of two binary searches.
                var size = 1 << (32 - BitOperations.LeadingZeroCount((uint)Math.Max(8, span.Length * 2) - 1));
                Span<uint> set = stackalloc uint[size];
                var mask = size - 1;
                foreach (ref readonly var entity in span)
                {
                    var slot = Slot(entity.Id, mask);
                    while (set[slot] != 0 && set[slot] != entity.Id)
                    {
                        slot = (slot + 1) & mask;
                    }

                    set[slot] = entity.Id;
                }

                foreach (ref readonly var e in all)
                {
                    if (InSet(set, mask, e.Source) || InSet(set, mask, e.Target))
                    {
                        into.Add(e);
                    }
                }

                return;
            }

            if (all.Length == events.Count)
            {
                foreach (ref readonly var e in all)
                {
                    if (Contains(span, e.Source) || Contains(span, e.Target))
                    {
                        into.Add(e);
                    }
                }

                return;
            }
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (Contains(visible, e.Source) || Contains(visible, e.Target))
            {
                into.Add(e);
            }
        }
    }

    /// <summary>Most visible entities hashed on the stack (a 2 KiB table); more fall back to binary search.</summary>
    private const int MaxHashed = 256;

    private static int Slot(uint id, int mask) => (int)((id * 2654435769u) >> 16) & mask;

    private static bool InSet(ReadOnlySpan<uint> set, int mask, uint id)
    {
        if (id == 0)
        {
            return false;
        }

        for (var slot = Slot(id, mask); ; slot = (slot + 1) & mask)
        {
            var at = set[slot];
            if (at == id)
            {
                return true;
            }

            if (at == 0)
            {
                return false;
            }
        }
    }

    private static bool Contains(ReadOnlySpan<EntityState> visible, uint id)
    {
        if (id == 0)
        {
            return false;
        }

        int lo = 0, hi = visible.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var at = visible[mid].Id;
            if (at == id)
            {
                return true;
            }

            if (at < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<EntityState> visible, uint id)
    {
        if (id == 0)
        {
            return false;
        }

        int lo = 0, hi = visible.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var at = visible[mid].Id;
            if (at == id)
            {
                return true;
            }

            if (at < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }
}
