using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Worldloom.Realms.Core.Entities;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// Which of a tick's events a client is told of: those whose source or target it sees. Zone grains and the bench
/// choose them the same way, so the bench measures what a zone sends.
/// </summary>
/// <remarks>
/// <see cref="Index"/> runs once per tick and files the events under the entities they name, so that
/// <see cref="Select"/>, which runs for every client, costs the client's visible entities and the events it gets
/// rather than every event of the tick (a crowd's events times its clients, when each client scanned them all).
/// After <see cref="Index"/>, <see cref="Select"/> only reads, so clients may be served on several threads at once.
/// </remarks>
public sealed class VisibleEvents
{
    /// <summary>Events a client's selection marks on the stack (a 1 KiB bitmap); a tick with more rents one.</summary>
    private const int StackEvents = 8192;

    private ZoneEvent[] _events = [];
    private int _eventCount;

    // (entity id << 32 | event index) for each event's source and target, sorted: each id's events in order.
    private long[] _named = [];
    private int _namedCount;

    // Open-addressed by entity id (0 marks an empty slot; id 0 is never an entity's): where its run starts in _named.
    private uint[] _slotIds = [];
    private int[] _slotStarts = [];
    private int _slotMask;

    /// <summary>Files this tick's <paramref name="events"/> under their sources and targets; call it before any
    /// <see cref="Select"/> of the tick, and not while one runs.</summary>
    public void Index(IReadOnlyList<ZoneEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var count = events.Count;
        if (_events.Length < count)
        {
            _events = new ZoneEvent[Math.Max(count, _events.Length * 2)];
            _named = new long[2 * _events.Length];
        }

        _namedCount = 0;
        for (var k = 0; k < count; k++)
        {
            var e = events[k];
            _events[k] = e;
            if (e.Source != 0)
            {
                _named[_namedCount++] = ((long)e.Source << 32) | (uint)k;
            }

            if (e.Target != 0 && e.Target != e.Source)
            {
                _named[_namedCount++] = ((long)e.Target << 32) | (uint)k;
            }
        }

        _eventCount = count;
        var named = _named.AsSpan(0, _namedCount);
        named.Sort();

        // At least twice as many slots as named entities (at most _namedCount of them), so probes stay short.
        var size = 1 << (32 - BitOperations.LeadingZeroCount((uint)Math.Max(8, _namedCount * 2) - 1));
        if (_slotIds.Length < size)
        {
            _slotIds = new uint[size];
            _slotStarts = new int[size];
        }

        _slotMask = size - 1;
        _slotIds.AsSpan(0, size).Clear();
        for (var i = 0; i < named.Length; i++)
        {
            var id = (uint)(named[i] >> 32);
            if (i > 0 && (uint)(named[i - 1] >> 32) == id)
            {
                continue;
            }

            var slot = Slot(id, _slotMask);
            while (_slotIds[slot] != 0)
            {
                slot = (slot + 1) & _slotMask;
            }

            _slotIds[slot] = id;
            _slotStarts[slot] = i;
        }
    }

    /// <summary>Fills <paramref name="into"/> (cleared first) with the indexed events whose source or target is in
    /// <paramref name="visible"/>, in the tick's order, each once. Safe on several threads at once (each with its
    /// own <paramref name="into"/>) between two <see cref="Index"/> calls.</summary>
    public void Select(IReadOnlyList<EntityState> visible, List<ZoneEvent> into)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        if (_namedCount == 0)
        {
            return;
        }

        // A bit per event of the tick: an event that names two visible entities is marked twice and taken once, and
        // reading the bits in order gives the tick's order.
        var words = (_eventCount + 63) / 64;
        ulong[]? rented = null;
        var marks = _eventCount <= StackEvents ? stackalloc ulong[words] : (rented = ArrayPool<ulong>.Shared.Rent(words));
        marks = marks[..words];
        marks.Clear();
        var any = false;
        if (visible is List<EntityState> list)
        {
            foreach (ref readonly var entity in CollectionsMarshal.AsSpan(list))
            {
                any |= Mark(entity.Id, marks);
            }
        }
        else
        {
            for (var i = 0; i < visible.Count; i++)
            {
                any |= Mark(visible[i].Id, marks);
            }
        }

        if (any)
        {
            for (var w = 0; w < marks.Length; w++)
            {
                for (var bits = marks[w]; bits != 0; bits &= bits - 1)
                {
                    into.Add(_events[(w * 64) + BitOperations.TrailingZeroCount(bits)]);
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>Marks the events that name entity <paramref name="id"/>; false when there are none.</summary>
    private bool Mark(uint id, Span<ulong> marks)
    {
        if (id == 0)
        {
            return false;
        }

        for (var slot = Slot(id, _slotMask); ; slot = (slot + 1) & _slotMask)
        {
            var at = _slotIds[slot];
            if (at == 0)
            {
                return false;
            }

            if (at == id)
            {
                var named = _named;
                for (var i = _slotStarts[slot]; i < _namedCount && (uint)(named[i] >> 32) == id; i++)
                {
                    var k = (int)(uint)named[i];
                    marks[k >> 6] |= 1UL << k;
                }

                return true;
            }
        }
    }

    private static int Slot(uint id, int mask) => (int)((id * 2654435769u) >> 16) & mask;
}
