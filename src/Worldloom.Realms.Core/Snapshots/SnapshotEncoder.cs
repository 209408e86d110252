using System.Buffers;
using System.Runtime.InteropServices;
using Worldloom.Realms.Core.Entities;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// Encodes one client's snapshots (server side, one per connection; not thread-safe). Keeps the quantized entities
/// of the last <see cref="History"/> snapshots it sent, by tick, and encodes each new one as a delta against the
/// newest of them the client acknowledged, or whole when there is none (first snapshot, nothing acknowledged yet, or
/// the acknowledged one has dropped out of the history). Layout: docs/realms.md, "Snapshot format".
/// </summary>
/// <remarks>
/// With a byte budget (docs/realms.md, "Budget and priority"), each snapshot carries only the changes that fit,
/// highest priority first: every entity that differs from what the client holds gains priority each tick (more when
/// near the viewer, far more when it targets the viewer, is the viewer's target or shows a telegraph), the ones sent
/// start again from zero, and the rest stay as they were on the client. What the encoder remembers of a snapshot is
/// what the client holds after decoding it, so deltas stay exact under loss. The wire format does not change.
/// </remarks>
public sealed class SnapshotEncoder
{
    /// <summary>The per-tick priority of what concerns the viewer: four times the nearest entity's, so an attacker
    /// or a telegraph is sent before anything else.</summary>
    private const int ConcernWeight = 256;

    /// <summary><see cref="DistanceWeight"/> of every distance in a zone of 256 tiles: Weight runs for every
    /// visible entity of every client each tick, and a table read costs less than the division.</summary>
    private static readonly int[] DistanceWeights = [.. Enumerable.Range(0, 257).Select(DistanceWeight)];

    private static readonly Comparison<EntityState> ById = static (a, b) => a.Id.CompareTo(b.Id);

    private readonly Sent[] _sent;
    private readonly BitWriter _writer = new();
    private readonly List<uint> _left = [];
    private readonly List<int> _entered = [];
    private readonly List<(int Now, int Was, EntityFields Mask)> _changed = [];
    private readonly List<long> _candidates = [];
    private readonly List<int> _events = [];
    private int[] _eventCosts = new int[64];
    private int[] _wasIndex = new int[64];
    private EntityFields[] _masks = new EntityFields[64];
    private int[] _costs = new int[64];
    private bool[] _taken = new bool[64];
    private uint[] _priorityIds = new uint[64];
    private int[] _priorities = new int[64];
    private uint[] _nextPriorityIds = new uint[64];
    private int[] _nextPriorities = new int[64];
    private int _priorityCount;
    private long _eventBits;
    private EntityState[] _view = new EntityState[64];
    private EntityState[] _current = new EntityState[64];
    private int _next;
    private uint? _lastTick;
    private uint? _acked;

    /// <summary>An encoder keeping <paramref name="history"/> sent snapshots as possible baselines.</summary>
    public SnapshotEncoder(int history = SnapshotFormat.DefaultHistory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        _sent = new Sent[history];
        for (var i = 0; i < history; i++)
        {
            _sent[i] = new Sent();
        }
    }

    /// <summary>An encoder whose payloads hold at most <paramref name="budgetBytes"/> bytes beyond what must go
    /// (<see cref="SnapshotStats.MandatoryBytes"/>), the rest sent in later snapshots by priority.</summary>
    public SnapshotEncoder(int history, int budgetBytes)
        : this(history)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budgetBytes, 1);
        BudgetBytes = budgetBytes;
    }

    /// <summary>The most bytes a payload holds beyond its mandatory part, or null for no limit (every change sent).</summary>
    public int? BudgetBytes { get; }

    /// <summary>What the last <see cref="Encode"/> sent and deferred.</summary>
    public SnapshotStats LastStats { get; private set; }

    /// <summary>The entities (quantized, by id) the client holds once it has decoded the snapshot of
    /// <paramref name="tick"/>, or null when that snapshot is not kept. Without a budget, the visible entities.</summary>
    public EntityState[]? ClientView(uint tick) => Find(tick) is { } sent ? sent.Entities.AsSpan(0, sent.Count).ToArray() : null;

    /// <summary>How many sent snapshots are kept as possible baselines.</summary>
    public int History => _sent.Length;

    /// <summary>The acknowledged tick the next delta will be based on, or null when the next snapshot goes whole.</summary>
    public uint? Baseline => _acked is { } tick && Find(tick) is not null ? tick : null;

    /// <summary>The client decoded the snapshot of <paramref name="tick"/>. Acks of ticks not sent, no longer kept,
    /// or older than the newest ack (reordered on the way) change nothing and return false.</summary>
    public bool Acknowledge(uint tick)
    {
        if ((_acked is { } acked && tick <= acked) || Find(tick) is null)
        {
            return false;
        }

        _acked = tick;
        return true;
    }

    /// <summary>Encodes the snapshot of <paramref name="tick"/> (later than the last one encoded) into
    /// <paramref name="output"/>: a delta against <see cref="Baseline"/>, or whole when it is null. Entities are
    /// quantized (<see cref="Quantizer"/>); their ids must be distinct and not 0. Returns the payload's length.</summary>
    public int Encode(uint tick, OwnState own, IReadOnlyList<EntityState> visible, IReadOnlyList<ZoneEvent> events, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        if (_lastTick is { } last && tick <= last)
        {
            throw new ArgumentException($"tick {tick} is not after the last encoded tick {last}", nameof(tick));
        }

        var count = Quantize(visible);
        var baseline = _acked is { } acked ? Find(acked) : null;
        var w = _writer;
        w.Reset(output);
        w.Write(SnapshotFormat.Version, SnapshotFormat.VersionBits);
        w.Write(tick, 32);
        w.Write(baseline is null);
        if (baseline is not null)
        {
            w.WriteVarUInt(tick - baseline.Tick - 1);
        }

        own = Quantizer.Own(own);
        OwnCodec.Write(w, own, baseline?.Own);
        if (BudgetBytes is { } budget)
        {
            var viewCount = EncodeWithin(budget, own, count, baseline, events);
            w.Flush();
            (_view, _current) = (_current, _view);
            Remember(tick, own, viewCount);
            var bytes = (int)((w.BitCount + 7) / 8);
            LastStats = LastStats with { Bytes = bytes };
            return bytes;
        }

        var current = _current.AsSpan(0, count);
        if (baseline is null)
        {
            _entered.Clear();
            for (var i = 0; i < count; i++)
            {
                _entered.Add(i);
            }

            WriteEntered(w, current, _entered);
        }
        else
        {
            Compare(baseline.Entities.AsSpan(0, baseline.Count), current);
            w.WriteVarUInt((uint)_left.Count);
            uint previous = 0;
            foreach (var id in _left)
            {
                w.WriteVarUInt(id - previous - 1);
                previous = id;
            }

            WriteEntered(w, current, _entered);
            w.WriteVarUInt((uint)_changed.Count);
            previous = 0;
            foreach (var (now, was, mask) in _changed)
            {
                w.WriteVarUInt(current[now].Id - previous - 1);
                previous = current[now].Id;
                EntityCodec.WriteChanges(w, baseline.Entities[was], current[now], mask);
            }
        }

        w.WriteVarUInt((uint)events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            EntityCodec.WriteEvent(w, Quantizer.Event(events[i]));
        }

        w.Flush();
        Remember(tick, own, count);
        var length = (int)((w.BitCount + 7) / 8);
        LastStats = new SnapshotStats(length, length, count, baseline is null ? count : _entered.Count + _changed.Count, 0, events.Count, 0);
        return length;
    }

    /// <summary>The budgeted body of a snapshot, after the header and own state: picks what fits, writes it, and
    /// leaves in <see cref="_view"/> what the client will hold. Returns the view's length.</summary>
    private int EncodeWithin(int budget, OwnState own, int count, Sent? baseline, IReadOnlyList<ZoneEvent> events)
    {
        var w = _writer;
        var current = _current.AsSpan(0, count);
        var was = baseline is null ? ReadOnlySpan<EntityState>.Empty : baseline.Entities.AsSpan(0, baseline.Count);
        Classify(was, current);
        var viewer = Viewer(current, own.EntityId);
        Accumulate(current, viewer, own.EntityId);

        // The mandatory part: what is written already, the left ids, room for every count, and the own entity.
        var countBits = BitWriter.VarUIntBits((uint)count);
        long mandatory = w.BitCount + BitWriter.VarUIntBits((uint)events.Count) + countBits;
        if (baseline is not null)
        {
            mandatory += BitWriter.VarUIntBits((uint)_left.Count) + countBits;
            uint previous = 0;
            foreach (var id in _left)
            {
                mandatory += BitWriter.VarUIntBits(id - previous - 1);
                previous = id;
            }
        }

        var fixedBits = mandatory;
        _candidates.Clear();
        for (var j = 0; j < count; j++)
        {
            _taken[j] = false;
            if (_wasIndex[j] >= 0 && _masks[j] == EntityFields.None)
            {
                continue;
            }

            if (current[j].Id == own.EntityId)
            {
                _costs[j] = Cost(was, current, j) + BitWriter.VarUIntBits(current[j].Id - 1);
                _taken[j] = true;
                mandatory += _costs[j];
            }
            else
            {
                // Measured when the budget gets to it (most of a crowd waits, and is not measured every tick).
                _costs[j] = -1;
                // Highest priority first, ties by id (the index, as the entities are by id): one long sorts both.
                _candidates.Add(((long)(int.MaxValue - _nextPriorities[j]) << 32) | (uint)j);
            }
        }

        var limit = (long)budget * 8;
        var room = limit - mandatory;

        // Events first, the viewer's own ones before the rest, with at most half of the room: they are not resent,
        // but the entities' fields they describe are.
        _events.Clear();
        _eventBits = 0;
        var eventRoom = room / 2;
        if (_eventCosts.Length < events.Count)
        {
            _eventCosts = new int[Math.Max(events.Count, _eventCosts.Length * 2)];
        }

        // The viewer's own events in this pass, the others' sized now (negated) and offered after them.
        for (var k = 0; k < events.Count; k++)
        {
            var e = events[k];
            var bits = EntityCodec.EventBits(Quantizer.Event(e));
            if (e.Source == own.EntityId || e.Target == own.EntityId)
            {
                _eventCosts[k] = 0;
                TakeEvent(k, bits, ref eventRoom, ref room);
            }
            else
            {
                _eventCosts[k] = -bits;
            }
        }

        for (var k = 0; k < events.Count; k++)
        {
            if (_eventCosts[k] < 0)
            {
                TakeEvent(k, -_eventCosts[k], ref eventRoom, ref room);
            }
        }

        _events.Sort();

        // Entities by priority. Id gaps are counted as the whole id (an upper bound), then the exact size gives the
        // slack back for a second round.
        CollectionsMarshal.AsSpan(_candidates).Sort();
        Take(was, current, ref room);
        room = limit - fixedBits - ExactBits(current);
        Take(was, current, ref room);

        int sent;
        if (baseline is null)
        {
            _entered.Clear();
            for (var j = 0; j < count; j++)
            {
                if (_taken[j])
                {
                    _entered.Add(j);
                }
            }

            WriteEntered(w, current, _entered);
            sent = _entered.Count;
        }
        else
        {
            w.WriteVarUInt((uint)_left.Count);
            uint previous = 0;
            foreach (var id in _left)
            {
                w.WriteVarUInt(id - previous - 1);
                previous = id;
            }

            _entered.Clear();
            _changed.Clear();
            for (var j = 0; j < count; j++)
            {
                if (_taken[j])
                {
                    if (_wasIndex[j] < 0)
                    {
                        _entered.Add(j);
                    }
                    else
                    {
                        _changed.Add((j, _wasIndex[j], _masks[j]));
                    }
                }
            }

            WriteEntered(w, current, _entered);
            w.WriteVarUInt((uint)_changed.Count);
            previous = 0;
            foreach (var (now, before, mask) in _changed)
            {
                w.WriteVarUInt(current[now].Id - previous - 1);
                previous = current[now].Id;
                EntityCodec.WriteChanges(w, was[before], current[now], mask);
            }

            sent = _entered.Count + _changed.Count;
        }

        w.WriteVarUInt((uint)_events.Count);
        foreach (var k in _events)
        {
            EntityCodec.WriteEvent(w, Quantizer.Event(events[k]));
        }

        // What the client holds after this snapshot: sent entities as they are now, unsent changes as they were,
        // unsent entries not at all; and the priorities of what was sent start again.
        if (_view.Length < count)
        {
            _view = new EntityState[_current.Length];
        }

        var viewCount = 0;
        var deferred = 0;
        for (var j = 0; j < count; j++)
        {
            var pending = _wasIndex[j] < 0 || _masks[j] != EntityFields.None;
            if (_taken[j])
            {
                _nextPriorities[j] = 0;
            }

            if (!pending || _taken[j])
            {
                _view[viewCount++] = current[j];
            }
            else
            {
                deferred++;
                if (_wasIndex[j] >= 0)
                {
                    _view[viewCount++] = was[_wasIndex[j]];
                }
            }
        }

        (_priorityIds, _nextPriorityIds) = (_nextPriorityIds, _priorityIds);
        (_priorities, _nextPriorities) = (_nextPriorities, _priorities);
        _priorityCount = count;
        LastStats = new SnapshotStats(0, (int)((mandatory + 7) / 8), count, sent, deferred, _events.Count, events.Count - _events.Count);
        return viewCount;
    }

    /// <summary>Takes event <paramref name="k"/> if its <paramref name="bits"/> fit the events' share of the room.</summary>
    private void TakeEvent(int k, int bits, ref long eventRoom, ref long room)
    {
        if (bits <= eventRoom)
        {
            _eventBits += bits;
            eventRoom -= bits;
            room -= bits;
            _events.Add(k);
        }
    }

    /// <summary>Takes candidates in priority order while their (upper-bound) cost fits the room left; gives up after
    /// a few in a row do not fit, since the room left is then smaller than almost anything.</summary>
    private void Take(ReadOnlySpan<EntityState> was, ReadOnlySpan<EntityState> current, ref long room)
    {
        const int GiveUpAfterMisses = 4;
        var misses = 0;
        foreach (var key in _candidates)
        {
            var j = (int)(uint)key;
            if (_taken[j])
            {
                continue;
            }

            if (_costs[j] < 0)
            {
                _costs[j] = Cost(was, current, j) + BitWriter.VarUIntBits(current[j].Id - 1);
            }

            if (_costs[j] <= room)
            {
                _taken[j] = true;
                room -= _costs[j];
                misses = 0;
            }
            else if (++misses == GiveUpAfterMisses)
            {
                return;
            }
        }
    }

    /// <summary>The exact bits of the taken entities (the own one included, id gaps as they will be written) and
    /// events.</summary>
    private long ExactBits(ReadOnlySpan<EntityState> current)
    {
        long bits = 0;
        uint previousEntered = 0, previousChanged = 0;
        for (var j = 0; j < current.Length; j++)
        {
            if (!_taken[j])
            {
                continue;
            }

            var id = current[j].Id;
            var previous = _wasIndex[j] < 0 ? previousEntered : previousChanged;
            bits += _costs[j] - BitWriter.VarUIntBits(id - 1) + BitWriter.VarUIntBits(id - previous - 1);
            if (_wasIndex[j] < 0)
            {
                previousEntered = id;
            }
            else
            {
                previousChanged = id;
            }
        }

        return bits + _eventBits;
    }

    /// <summary>Bits of entity <paramref name="j"/>'s entry (whole) or changes, without its id.</summary>
    private int Cost(ReadOnlySpan<EntityState> was, ReadOnlySpan<EntityState> current, int j)
    {
        return _wasIndex[j] < 0 ? EntityCodec.WholeBits(current[j]) : EntityCodec.ChangesBits(was[_wasIndex[j]], current[j], _masks[j]);
    }

    /// <summary>Matches the current entities to the baseline by id: for each, the baseline index (−1: entering)
    /// and the changed fields; the baseline's others go to <see cref="_left"/>.</summary>
    private void Classify(ReadOnlySpan<EntityState> was, ReadOnlySpan<EntityState> now)
    {
        if (_wasIndex.Length < now.Length)
        {
            var size = Math.Max(now.Length, _wasIndex.Length * 2);
            _wasIndex = new int[size];
            _masks = new EntityFields[size];
            _costs = new int[size];
            _taken = new bool[size];
        }

        _left.Clear();
        int i = 0, j = 0;
        while (i < was.Length || j < now.Length)
        {
            if (j == now.Length || (i < was.Length && was[i].Id < now[j].Id))
            {
                _left.Add(was[i++].Id);
            }
            else if (i == was.Length || now[j].Id < was[i].Id)
            {
                _wasIndex[j] = -1;
                _masks[j] = EntityFields.All;
                j++;
            }
            else
            {
                _wasIndex[j] = i;
                _masks[j] = EntityCodec.Changes(was[i], now[j]);
                i++;
                j++;
            }
        }
    }

    /// <summary>Carries each entity's priority over from the last snapshot (by id) into <see cref="_nextPriorities"/>,
    /// adding this tick's weight where the client's copy differs and zeroing it where it does not.</summary>
    private void Accumulate(ReadOnlySpan<EntityState> current, EntityState? viewer, uint viewerId)
    {
        if (_nextPriorityIds.Length < current.Length)
        {
            var size = Math.Max(current.Length, _nextPriorityIds.Length * 2);
            _nextPriorityIds = new uint[size];
            _nextPriorities = new int[size];
        }

        var seen = viewer is not null;
        var at = viewer?.Position ?? default;
        var viewerTarget = viewer?.Target ?? 0;
        var k = 0;
        for (var j = 0; j < current.Length; j++)
        {
            var id = current[j].Id;
            while (k < _priorityCount && _priorityIds[k] < id)
            {
                k++;
            }

            var carried = k < _priorityCount && _priorityIds[k] == id ? _priorities[k] : 0;
            var pending = _wasIndex[j] < 0 || _masks[j] != EntityFields.None;
            _nextPriorityIds[j] = id;
            _nextPriorities[j] = pending ? (int)Math.Min(int.MaxValue, (long)carried + Weight(current[j], seen, at, viewerTarget, viewerId)) : 0;
        }
    }

    /// <summary>How much an entity's pending change gains per tick: 64 beside the viewer, 34 at 8 tiles, 16 at 32
    /// (by the larger axis distance), twice that for projectiles; <see cref="ConcernWeight"/> wherever it is for what
    /// concerns the viewer (it targets the viewer, the viewer targets it, or it shows a telegraph).</summary>
    private static int Weight(in EntityState e, bool seen, Geometry.Vec at, uint viewerTarget, uint viewerId)
    {
        var tiles = 16;
        if (seen)
        {
            tiles = Math.Max(Math.Abs(e.Position.X - at.X), Math.Abs(e.Position.Y - at.Y)) >> Geometry.SubTiles.Shift;
        }

        if (e.Target == viewerId || (seen && viewerTarget == e.Id) || e.Telegraph.Shape != TelegraphShape.None)
        {
            return ConcernWeight;
        }

        var weight = tiles < DistanceWeights.Length ? DistanceWeights[tiles] : DistanceWeight(tiles);

        return e.Kind == EntityKind.Projectile ? weight * 2 : weight;
    }

    /// <summary>The weight of a pending change <paramref name="tiles"/> from the viewer (see <see cref="Weight"/>).</summary>
    private static int DistanceWeight(int tiles) => 4 + (480 / (8 + tiles));

    private static EntityState? Viewer(ReadOnlySpan<EntityState> current, uint id)
    {
        int lo = 0, hi = current.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (current[mid].Id == id)
            {
                return current[mid];
            }

            if (current[mid].Id < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    private static void WriteEntered(BitWriter w, ReadOnlySpan<EntityState> current, List<int> entered)
    {
        w.WriteVarUInt((uint)entered.Count);
        uint previous = 0;
        foreach (var index in entered)
        {
            w.WriteVarUInt(current[index].Id - previous - 1);
            previous = current[index].Id;
            EntityCodec.WriteWhole(w, current[index]);
        }
    }

    /// <summary>Quantizes <paramref name="visible"/> into <see cref="_current"/> by ascending id.</summary>
    private int Quantize(IReadOnlyList<EntityState> visible)
    {
        if (_current.Length < visible.Count)
        {
            _current = new EntityState[Math.Max(visible.Count, _current.Length * 2)];
        }

        if (visible is List<EntityState> list)
        {
            // What the server passes: read it as a span, not an interface call and a copy per entity.
            var from = CollectionsMarshal.AsSpan(list);
            for (var i = 0; i < from.Length; i++)
            {
                _current[i] = Quantizer.Entity(from[i]);
            }
        }
        else
        {
            for (var i = 0; i < visible.Count; i++)
            {
                _current[i] = Quantizer.Entity(visible[i]);
            }
        }

        var span = _current.AsSpan(0, visible.Count);
        var sorted = true;
        for (var i = 1; i < span.Length && sorted; i++)
        {
            sorted = span[i - 1].Id < span[i].Id;
        }

        if (!sorted)
        {
            // ZoneSimulation.CollectVisible gives them by id already; other callers may not.
            span.Sort(ById);
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Id == 0 || (i > 0 && span[i].Id == span[i - 1].Id))
            {
                throw new ArgumentException($"entity id {span[i].Id} is 0 or appears twice", nameof(visible));
            }
        }

        return visible.Count;
    }

    /// <summary>Walks both id-ordered lists once: in the baseline only → left, in the current only → entered, in
    /// both and different → changed.</summary>
    private void Compare(ReadOnlySpan<EntityState> was, ReadOnlySpan<EntityState> now)
    {
        Classify(was, now);
        _entered.Clear();
        _changed.Clear();
        for (var j = 0; j < now.Length; j++)
        {
            if (_wasIndex[j] < 0)
            {
                _entered.Add(j);
            }
            else if (_masks[j] != EntityFields.None)
            {
                _changed.Add((j, _wasIndex[j], _masks[j]));
            }
        }
    }

    private Sent? Find(uint tick)
    {
        foreach (var sent in _sent)
        {
            if (sent.Count >= 0 && sent.Tick == tick)
            {
                return sent;
            }
        }

        return null;
    }

    /// <summary>Keeps this snapshot's entities in the oldest slot, swapping arrays so nothing is copied.</summary>
    private void Remember(uint tick, OwnState own, int count)
    {
        var slot = _sent[_next];
        _next = (_next + 1) % _sent.Length;
        (slot.Entities, _current) = (_current, slot.Entities.Length > 0 ? slot.Entities : new EntityState[_current.Length]);
        slot.Tick = tick;
        slot.Own = own;
        slot.Count = count;
        _lastTick = tick;
    }

    private sealed class Sent
    {
        public uint Tick;
        public int Count = -1;
        public OwnState Own;
        public EntityState[] Entities = [];
    }
}
