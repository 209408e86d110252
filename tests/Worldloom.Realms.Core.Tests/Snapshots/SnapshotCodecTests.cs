using System.Buffers;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;
using Xunit.Abstractions;

namespace Worldloom.Realms.Core.Tests.Snapshots;

public sealed class SnapshotCodecTests(ITestOutputHelper output)
{
    private readonly SnapshotEncoder _encoder = new();
    private readonly SnapshotDecoder _decoder = new();

    [Fact]
    public void Encode_First_IsFullAndDecodesToTheQuantizedState()
    {
        var crowd = Samples.Crowd(5);
        crowd[2] = crowd[2] with
        {
            Position = new Vec(1003, 77),
            Facing = 4090,
            Activity = EntityActivity.WindUp,
            ActivityTicks = 7,
            Telegraph = new Telegraph(TelegraphShape.Cone, new Vec(999, 1001), 700, 1000, 700, 7),
        };
        ZoneEvent[] events = [new(ZoneEventKind.Damage, 2, 1, 17, new Vec(5, 5), 1), new(ZoneEventKind.Heal, 1, 1, -4, new Vec(70000, -3), 3)];

        var snapshot = Send(10, Samples.Own(), crowd, events);

        Assert.Null(snapshot.BaselineTick);
        Assert.Equal(10u, snapshot.Tick);
        Assert.Equal(crowd.Select(Quantizer.Entity).OrderBy(e => e.Id), snapshot.Entities);
        Assert.Equal(events.Select(Quantizer.Event), snapshot.Events);
        Assert.Equal(Samples.Own(), snapshot.Own);
        var wolf = snapshot.Entities.Single(e => e.Id == crowd[2].Id);
        Assert.Equal(new Vec(1008, 80), wolf.Position);
        Assert.Equal(0, wolf.Facing);
        Assert.Equal(new Telegraph(TelegraphShape.Cone, new Vec(992, 1008), 704, 1008, 704, 7), wolf.Telegraph);
        Assert.Equal(new Vec(4095 * 16, 0), snapshot.Events[1].Position);
    }

    [Fact]
    public void Encode_WithoutAck_StaysFull()
    {
        var crowd = Samples.Crowd(3);
        Send(1, Samples.Own(), crowd);

        var second = Send(2, Samples.Own(), Samples.Moved(crowd, 40));

        Assert.Null(second.BaselineTick);
        Assert.Null(_encoder.Baseline);
    }

    [Fact]
    public void Encode_AfterAck_IsADeltaAgainstTheNewestAck()
    {
        var crowd = Samples.Crowd(3);
        Send(1, Samples.Own(), crowd);
        Send(2, Samples.Own(), crowd);
        Assert.True(_encoder.Acknowledge(1));
        Assert.True(_encoder.Acknowledge(2));
        Assert.False(_encoder.Acknowledge(1));   // reordered, older than the newest ack
        Assert.False(_encoder.Acknowledge(99));  // never sent

        var moved = Samples.Moved(crowd, 40);
        moved.RemoveAt(1);
        moved.Add(Samples.Wolf(50, 3000, 3000));
        var delta = Send(3, Samples.Own(sequence: 1001), moved);

        Assert.Equal(2u, delta.BaselineTick);
        Assert.Equal([crowd[1].Id], delta.Left.ToArray());
        Assert.Equal(moved.Select(Quantizer.Entity).OrderBy(e => e.Id), delta.Entities);
        Assert.Equal(1001u, delta.Own.LastSequence);
    }

    [Fact]
    public void Encode_AckOlderThanTheHistory_GoesFullAgain()
    {
        var encoder = new SnapshotEncoder(history: 4);
        var crowd = Samples.Crowd(2);
        encoder.Encode(1, Samples.Own(), crowd, [], new ArrayBufferWriter<byte>());
        encoder.Acknowledge(1);
        for (uint tick = 2; tick <= 4; tick++)
        {
            encoder.Encode(tick, Samples.Own(), crowd, [], new ArrayBufferWriter<byte>());
            Assert.Equal(1u, encoder.Baseline);
        }

        encoder.Encode(5, Samples.Own(), crowd, [], new ArrayBufferWriter<byte>());

        Assert.Null(encoder.Baseline);
        Assert.False(encoder.Acknowledge(1));
        Assert.True(encoder.Acknowledge(5));
    }

    [Fact]
    public void Delta_OfAHundredUnchangedEntities_IsAFewBytes()
    {
        var crowd = Samples.Crowd(99);
        Send(1, Samples.Own(), crowd);
        _encoder.Acknowledge(1);

        var buffer = new ArrayBufferWriter<byte>();
        var length = _encoder.Encode(2, Samples.Own(), crowd, [], buffer);

        Assert.Equal(buffer.WrittenCount, length);
        output.WriteLine($"delta of 100 unchanged entities: {length} bytes");
        Assert.True(length <= 10, $"{length} bytes");
        Assert.True(_decoder.TryDecode(buffer.WrittenSpan, out var snapshot, out var error), error?.ToString());
        Assert.Equal(100, snapshot.Entities.Length);
    }

    [Fact]
    public void Delta_OfThirtyMovingEntities_IsWellUnderTwoHundredBytes()
    {
        var crowd = Samples.Crowd(29);
        var first = new ArrayBufferWriter<byte>();
        _encoder.Encode(1, Samples.Own(), crowd, [], first);
        Assert.True(_decoder.TryDecode(first.WrittenSpan, out _, out _));
        _encoder.Acknowledge(1);
        var moved = crowd;
        var sizes = new List<int>();

        // Three ticks of walking at ~3 tiles/s against an ack two ticks old, as with a 100 ms round trip.
        for (uint tick = 2; tick <= 8; tick++)
        {
            moved = Samples.Moved(moved, 38);
            var buffer = new ArrayBufferWriter<byte>();
            sizes.Add(_encoder.Encode(tick, Samples.Own(sequence: 1000 + tick), moved, [new(ZoneEventKind.Damage, 2, 1, 12, moved[1].Position, 0)], buffer));
            Assert.True(_decoder.TryDecode(buffer.WrittenSpan, out var snapshot, out var error), error?.ToString());
            Assert.Equal(moved.Select(Quantizer.Entity).OrderBy(e => e.Id), snapshot.Entities);
            _encoder.Acknowledge(tick - 1);
        }

        output.WriteLine($"full snapshot of 30 entities: {first.WrittenCount} bytes; deltas of them moving: {string.Join(", ", sizes)} bytes");
        Assert.All(sizes, size => Assert.InRange(size, 1, 160));
    }

    [Fact]
    public void TryDecode_DeltaWithoutItsBaseline_IsMissingBaselineAndKeepsNothing()
    {
        var crowd = Samples.Crowd(3);
        var full = Encode(1, crowd);
        _encoder.Acknowledge(1);
        var delta = Encode(2, Samples.Moved(crowd, 20));

        Assert.False(_decoder.TryDecode(delta, out var snapshot, out var error));
        Assert.Null(snapshot);
        Assert.Equal(SnapshotFormat.MissingBaseline, error.Code);
        Assert.Null(_decoder.NewestTick);

        Assert.True(_decoder.TryDecode(full, out _, out _));
        Assert.True(_decoder.TryDecode(delta, out snapshot, out error), error?.ToString());
        Assert.Equal(1u, snapshot.BaselineTick);
    }

    [Fact]
    public void TryDecode_EveryTruncation_IsAnErrorNotAnException()
    {
        var crowd = Samples.Crowd(6);
        var full = Encode(1, crowd);
        _encoder.Acknowledge(1);
        var delta = Encode(2, Samples.Moved(crowd, 300));
        Assert.True(_decoder.TryDecode(full, out _, out _));

        foreach (var payload in new[] { full, delta })
        {
            for (var length = 0; length < payload.Length; length++)
            {
                Assert.False(new SnapshotDecoder().TryDecode(payload.AsSpan(0, length), out _, out var fresh));
                Assert.False(string.IsNullOrEmpty(fresh.Message));
                Assert.False(_decoder.TryDecode(payload.AsSpan(0, length), out _, out var error));
                Assert.Contains(error.Code, new[] { "truncated", "trailing_bytes", "bad_number", "out_of_range", "unknown_entity" });
            }
        }
    }

    [Fact]
    public void TryDecode_FlippedBits_NeverThrows()
    {
        var crowd = Samples.Crowd(6);
        var full = Encode(1, crowd);
        _encoder.Acknowledge(1);
        var delta = Encode(2, Samples.Moved(crowd, 300));
        Assert.True(_decoder.TryDecode(full, out _, out _));
        var accepted = 0;

        foreach (var payload in new[] { full, delta })
        {
            for (var bit = 0; bit < payload.Length * 8; bit++)
            {
                var damaged = payload.ToArray();
                damaged[bit / 8] ^= (byte)(1 << (bit % 8));
                accepted += _decoder.TryDecode(damaged, out _, out _) ? 1 : 0;
            }
        }

        // Most single-bit flips land in a value and decode to another valid state; that is what the ack protocol
        // and the transport's own integrity are for. What matters here is that none throws.
        Assert.InRange(accepted, 1, (full.Length + delta.Length) * 8);
    }

    [Theory]
    [InlineData(new byte[] { 0x02 }, "unsupported_version")]
    [InlineData(new byte[] { }, "truncated")]
    public void TryDecode_BadHeader_NamesIt(byte[] payload, string code)
    {
        Assert.False(_decoder.TryDecode(payload, out _, out var error));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void TryDecode_ExtraByte_IsTrailing()
    {
        var payload = Encode(1, Samples.Crowd(1));

        Assert.False(_decoder.TryDecode([.. payload, 0], out _, out var error));
        Assert.Equal("trailing_bytes", error.Code);
    }

    [Fact]
    public void Encode_NonIncreasingTickOrBadIds_Throws()
    {
        Encode(5, Samples.Crowd(1));

        Assert.Throws<ArgumentException>(() => Encode(5, Samples.Crowd(1)));
        Assert.Throws<ArgumentException>(() => Encode(6, [Samples.Wolf(3, 0, 0), Samples.Wolf(3, 9, 9)]));
        Assert.Throws<ArgumentException>(() => Encode(7, [Samples.Wolf(0, 0, 0)]));
        Assert.Throws<ArgumentException>(() => Encode(8, [Samples.Wolf(1, 0, 0) with { Activity = (EntityActivity)9 }]));
    }

    [Fact]
    public void Decoder_KeepsOnlyItsHistory()
    {
        var decoder = new SnapshotDecoder(history: 2);
        var crowd = Samples.Crowd(1);
        var payloads = Enumerable.Range(1, 3).Select(t => Encode((uint)t, crowd)).ToList();
        _encoder.Acknowledge(1);
        var delta = Encode(4, crowd);
        foreach (var payload in payloads)
        {
            Assert.True(decoder.TryDecode(payload, out _, out _));
        }

        Assert.False(decoder.TryDecode(delta, out _, out var error));
        Assert.Equal(SnapshotFormat.MissingBaseline, error.Code);
        Assert.Equal(3u, decoder.NewestTick);
    }

    [Fact]
    public void Encode_InSteadyState_AllocatesNothing()
    {
        // The server runs one encoder per client per tick: its hot path reuses its buffers.
        var crowd = Samples.Crowd(29);
        var buffer = new ArrayBufferWriter<byte>(4096);
        List<EntityState>[] frames = [.. Enumerable.Range(0, 8).Select(i => Samples.Moved(crowd, 20 * i))];
        uint tick = 0;
        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                tick++;
                buffer.Clear();
                _encoder.Encode(tick, Samples.Own(), frames[tick % 8], [], buffer);
                _encoder.Acknowledge(tick - 1);
            }
        }

        var rounds = SteadyAllocation.Rounds(() => Run(100));

        Assert.True(rounds.Min() == 0, $"bytes allocated per round of 100 encodes: {string.Join(", ", rounds)}");
    }

    [Fact]
    public void ChoosingEventsAndEncodingWithABudget_InSteadyState_AllocateNothing()
    {
        // What the server does per client per tick: its events from the tick's index, then a budgeted encode that
        // defers most of a crowd and sizes the events.
        var crowd = Samples.Crowd(80);
        var encoder = new SnapshotEncoder(SnapshotFormat.DefaultHistory, SnapshotFormat.DefaultBudgetBytes);
        var buffer = new ArrayBufferWriter<byte>(4096);
        var index = new VisibleEvents();
        var chosen = new List<ZoneEvent>();
        List<EntityState>[] frames = [.. Enumerable.Range(0, 8).Select(i => Samples.Moved(crowd, 20 * i))];
        ZoneEvent[][] ticks = [.. Enumerable.Range(0, 8).Select(i => Enumerable.Range(0, 40 + (10 * i)).Select(k =>
            new ZoneEvent(ZoneEventKind.Damage, (uint)(2 + (2 * ((k * 7) % 90))), (uint)(1 + (k % 3)), k, crowd[k % 80].Position, 0)).ToArray())];
        uint tick = 0;
        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                tick++;
                index.Index(ticks[tick % 8]);
                index.Select(frames[tick % 8], chosen);
                buffer.Clear();
                encoder.Encode(tick, Samples.Own(), frames[tick % 8], chosen, buffer);
                encoder.Acknowledge(tick - 1);
            }
        }

        var rounds = SteadyAllocation.Rounds(() => Run(100));

        Assert.True(encoder.LastStats.Deferred > 0 && encoder.LastStats.EventsSent > 0, $"{encoder.LastStats}");
        Assert.True(rounds.Min() == 0, $"bytes allocated per round of 100 ticks: {string.Join(", ", rounds)}");
    }

    private byte[] Encode(uint tick, IReadOnlyList<EntityState> entities)
    {
        var buffer = new ArrayBufferWriter<byte>();
        _encoder.Encode(tick, Samples.Own(), entities, [], buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private Snapshot Send(uint tick, OwnState own, IReadOnlyList<EntityState> entities, IReadOnlyList<ZoneEvent>? events = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        _encoder.Encode(tick, own, entities, events ?? [], buffer);
        Assert.True(_decoder.TryDecode(buffer.WrittenSpan, out var snapshot, out var error), error?.ToString());
        return snapshot;
    }
}
