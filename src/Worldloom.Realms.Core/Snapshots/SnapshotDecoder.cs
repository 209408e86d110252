using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// Decodes one connection's snapshots (client side: tests, bots, the bench; web/src/realms/snapshot.ts for the web
/// client). Keeps the <see cref="History"/> newest snapshots it decoded, by tick, to apply deltas to: a delta is
/// based on a snapshot the client acknowledged, and fewer than the encoder's history were sent after that one, so it
/// is still here. Start a new decoder with each zone (ticks are per zone). Not thread-safe.
/// </summary>
public sealed class SnapshotDecoder
{
    private readonly List<Snapshot> _kept = [];

    /// <summary>A decoder keeping <paramref name="history"/> decoded snapshots (at least the encoder's).</summary>
    public SnapshotDecoder(int history = SnapshotFormat.DefaultHistory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(history, 1);
        History = history;
    }

    /// <summary>How many decoded snapshots are kept as baselines.</summary>
    public int History { get; }

    /// <summary>The newest tick decoded, or null.</summary>
    public uint? NewestTick => _kept.Count == 0 ? null : _kept[^1].Tick;

    /// <summary>Decodes <paramref name="payload"/> and keeps the result as a possible baseline. Never throws for bad
    /// bytes: false with <paramref name="error"/> naming the field, and nothing kept. A delta against a snapshot not
    /// kept gives <see cref="SnapshotFormat.MissingBaseline"/>: the client drops it (and does not acknowledge it).</summary>
    public bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out Snapshot? snapshot, [NotNullWhen(false)] out WireError? error)
    {
        snapshot = null;
        var r = new BitReader(payload);
        var version = r.Read(SnapshotFormat.VersionBits, "version");
        if (!r.Failed && version != SnapshotFormat.Version)
        {
            r.Fail("unsupported_version", "version", $"version {version} is not {SnapshotFormat.Version}");
        }

        var tick = r.Read(32, "tick");
        var full = r.ReadBool("full");
        Snapshot? baseline = null;
        if (!full)
        {
            var back = r.ReadVarUInt("baseline");
            if (!r.Failed && back >= tick)
            {
                r.OutOfRange("baseline", $"below tick {tick}", back);
            }

            if (!r.Failed)
            {
                var baseTick = tick - back - 1;
                baseline = _kept.Find(s => s.Tick == baseTick);
                if (baseline is null)
                {
                    r.Fail(SnapshotFormat.MissingBaseline, "baseline", $"baseline tick {baseTick} is not kept");
                }
            }
        }

        var own = OwnCodec.Read(ref r, baseline?.Own);
        var entities = baseline is null ? [] : new List<EntityState>(baseline.Entities);
        var left = ReadLeft(ref r, baseline, entities);
        ReadEntered(ref r, entities);
        if (baseline is not null)
        {
            ReadChanged(ref r, entities);
        }

        var events = ReadEvents(ref r);
        if (!r.Finish(out error))
        {
            return false;
        }

        snapshot = new Snapshot(tick, baseline?.Tick, own, [.. entities], left, events);
        Keep(snapshot);
        return true;
    }

    /// <summary>Reads the left ids and removes them from <paramref name="entities"/> (the baseline's, by id).</summary>
    private static ImmutableArray<uint> ReadLeft(ref BitReader r, Snapshot? baseline, List<EntityState> entities)
    {
        if (baseline is null)
        {
            return [];
        }

        var count = ReadListLength(ref r, "left.count");
        var left = ImmutableArray.CreateBuilder<uint>(count);
        uint id = 0;
        for (var i = 0; i < count && !r.Failed; i++)
        {
            id = NextId(ref r, id, "left.id");
            var at = IndexOf(entities, id);
            if (!r.Failed && at < 0)
            {
                r.Fail("unknown_entity", "left.id", $"left.id {id} is not in baseline {baseline.Tick}");
            }

            if (!r.Failed)
            {
                entities.RemoveAt(at);
                left.Add(id);
            }
        }

        return left.DrainToImmutable();
    }

    private static void ReadEntered(ref BitReader r, List<EntityState> entities)
    {
        var count = ReadListLength(ref r, "entered.count");
        uint id = 0;
        for (var i = 0; i < count && !r.Failed; i++)
        {
            id = NextId(ref r, id, "entered.id");
            var entity = EntityCodec.ReadWhole(ref r, id);
            var at = IndexOf(entities, id);
            if (!r.Failed && at >= 0)
            {
                r.Fail("duplicate_entity", "entered.id", $"entered.id {id} is already visible");
            }

            if (!r.Failed)
            {
                entities.Insert(~at, entity);
            }
        }
    }

    private static void ReadChanged(ref BitReader r, List<EntityState> entities)
    {
        var count = ReadListLength(ref r, "changed.count");
        uint id = 0;
        for (var i = 0; i < count && !r.Failed; i++)
        {
            id = NextId(ref r, id, "changed.id");
            var at = IndexOf(entities, id);
            if (!r.Failed && at < 0)
            {
                r.Fail("unknown_entity", "changed.id", $"changed.id {id} is not a visible entity of the baseline");
            }

            if (!r.Failed)
            {
                entities[at] = EntityCodec.ReadChanges(ref r, entities[at]);
            }
        }
    }

    private static ImmutableArray<ZoneEvent> ReadEvents(ref BitReader r)
    {
        var count = ReadListLength(ref r, "events.count");
        var events = ImmutableArray.CreateBuilder<ZoneEvent>(count);
        for (var i = 0; i < count && !r.Failed; i++)
        {
            events.Add(EntityCodec.ReadEvent(ref r));
        }

        return events.DrainToImmutable();
    }

    /// <summary>A list length, bounded by the bits left (every entry takes at least five), so a hostile count
    /// cannot make the decoder reserve memory.</summary>
    private static int ReadListLength(ref BitReader r, string field)
    {
        var count = r.ReadVarUInt(field);
        if (!r.Failed && count > r.Remaining / 5)
        {
            r.Fail("truncated", field, $"{field} {count} is more than the payload can hold");
        }

        return r.Failed ? 0 : (int)count;
    }

    /// <summary>The next id of an ascending list: the previous one plus one plus the gap.</summary>
    private static uint NextId(ref BitReader r, uint previous, string field)
    {
        var gap = r.ReadVarUInt(field);
        var id = (ulong)previous + gap + 1;
        if (!r.Failed && id > uint.MaxValue)
        {
            r.OutOfRange(field, $"at most {uint.MaxValue}", (long)id);
        }

        return (uint)id;
    }

    /// <summary>Binary search by id: the index, or the complement of where it would go.</summary>
    private static int IndexOf(List<EntityState> entities, uint id)
    {
        int lo = 0, hi = entities.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var midId = entities[mid].Id;
            if (midId == id)
            {
                return mid;
            }

            if (midId < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void Keep(Snapshot snapshot)
    {
        var at = _kept.FindIndex(s => s.Tick >= snapshot.Tick);
        if (at < 0)
        {
            _kept.Add(snapshot);
        }
        else if (_kept[at].Tick == snapshot.Tick)
        {
            _kept[at] = snapshot;
        }
        else
        {
            _kept.Insert(at, snapshot);
        }

        if (_kept.Count > History)
        {
            _kept.RemoveAt(0);
        }
    }
}
