using System.Buffers;
using FsCheck.Xunit;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary>
/// The codec's contract under a bad network: snapshots and acks are lost, duplicated and reordered, and every snapshot
/// the decoder accepts is exactly the encoder's quantized state at that tick; the others are missing-baseline
/// refusals, never wrong states or faults. Afterwards a clean channel catches up at once.
/// </summary>
public sealed class SnapshotChannelProperties
{
    [Property(MaxTest = 150, EndSize = 120, QuietOnSuccess = true)]
    public void DecodedSnapshots_EqualTheQuantizedEncoderState_OverALossyChannel(ulong[] ticks, byte lossPercent) =>
        Run(ticks, lossPercent, budget: null);

    /// <summary>With a budget the client holds part of the state, older copies of the rest: what it decodes is
    /// exactly what the encoder recorded it holds, every entity it holds is one the zone showed (as it was at some
    /// tick), payloads keep to the budget, and once the zone stands still everything arrives.</summary>
    [Property(MaxTest = 150, EndSize = 120, QuietOnSuccess = true)]
    public void DecodedSnapshots_EqualWhatTheEncoderSaysTheClientHolds_UnderABudget_OverALossyChannel(ulong[] ticks, byte lossPercent, byte budget) =>
        Run(ticks, lossPercent, 64 + budget);

    private static void Run(ulong[] ticks, byte lossPercent, int? budget)
    {
        var loss = lossPercent % 60;
        var zone = new ZoneScript();
        var encoder = budget is { } bytes ? new SnapshotEncoder(history: 8, budgetBytes: bytes) : new SnapshotEncoder(history: 8);
        var shown = new HashSet<EntityState>();
        var decoder = new SnapshotDecoder(history: 8);
        var expected = new Dictionary<uint, Expected>();
        var down = new List<(uint At, byte[] Payload)>();
        var up = new List<(uint At, uint Tick)>();
        uint tick = 0;

        foreach (var seed in ticks.Append(0UL).Append(1UL))
        {
            tick += zone.Chance(10) ? 2u : 1u;
            Send(zone.Step(seed));
            Deliver(tick);
        }

        // A clean channel: no loss, no delay. Whatever was late is dropped; the next snapshot must decode.
        down.Clear();
        up.Clear();
        for (var i = 0; i < 3; i++)
        {
            tick++;
            var payload = Send(zone.Step((ulong)i));
            Assert.True(decoder.TryDecode(payload, out var snapshot, out var error), error?.ToString());
            Check(snapshot);
            encoder.Acknowledge(snapshot.Tick);
        }

        if (budget is not null)
        {
            // The zone stands still: within a bounded number of ticks the client holds all of it.
            var still = zone.Step(7) with { Events = [] };
            var want = still.Visible.Select(Quantizer.Entity).OrderBy(e => e.Id).ToArray();
            Snapshot? last = null;
            for (var i = 0; i < 200 && !(last?.Entities.SequenceEqual(want) ?? false); i++)
            {
                tick++;
                var payload = Send(still);
                Assert.True(decoder.TryDecode(payload, out last, out var error), error?.ToString());
                Check(last);
                encoder.Acknowledge(last.Tick);
            }

            Assert.Equal(want, last!.Entities.ToArray());
        }

        byte[] Send((OwnState Own, List<EntityState> Visible, List<ZoneEvent> Events) step)
        {
            var (own, visible, events) = step;
            var baseline = encoder.Baseline;
            var buffer = new ArrayBufferWriter<byte>();
            var length = encoder.Encode(tick, own, visible, events, buffer);
            var quantized = visible.Select(Quantizer.Entity).OrderBy(e => e.Id).ToArray();
            shown.UnionWith(quantized);
            var holds = quantized;
            var sentEvents = events.Select(Quantizer.Event).ToArray();
            if (budget is { } bytes)
            {
                Assert.True(length <= Math.Max(bytes, encoder.LastStats.MandatoryBytes), $"{length} bytes, budget {bytes}, mandatory {encoder.LastStats.MandatoryBytes}");
                holds = encoder.ClientView(tick)!;
                Assert.All(holds, e => Assert.Contains(e, shown));
                Assert.Subset(quantized.Select(e => e.Id).ToHashSet(), holds.Select(e => e.Id).ToHashSet());
                sentEvents = null;
            }

            expected[tick] = new Expected(baseline, Quantizer.Own(own), holds, sentEvents, [.. events.Select(Quantizer.Event)]);
            var payload = buffer.WrittenSpan.ToArray();
            Schedule(down, payload);
            return payload;
        }

        void Deliver(uint now)
        {
            foreach (var (_, payload) in Due(down, now))
            {
                if (!decoder.TryDecode(payload, out var snapshot, out var error))
                {
                    Assert.Equal(SnapshotFormat.MissingBaseline, error.Code);
                    continue;
                }

                Check(snapshot);
                Schedule(up, snapshot.Tick);
            }

            foreach (var (_, acked) in Due(up, now))
            {
                encoder.Acknowledge(acked);
            }
        }

        void Check(Snapshot snapshot)
        {
            var want = expected[snapshot.Tick];
            Assert.Equal(want.Baseline, snapshot.BaselineTick);
            Assert.Equal(want.Own, snapshot.Own);
            Assert.Equal(want.Entities, snapshot.Entities.ToArray());
            if (want.Events is not null)
            {
                Assert.Equal(want.Events, snapshot.Events.ToArray());
            }
            else
            {
                // Under a budget some events are dropped; the ones sent keep their order.
                var at = 0;
                foreach (var e in snapshot.Events)
                {
                    at = Array.IndexOf(want.Happened, e, at) + 1;
                    Assert.True(at > 0, $"event {e} did not happen at tick {snapshot.Tick}");
                }
            }
            if (want.Baseline is { } b)
            {
                var gone = expected[b].Entities.Select(e => e.Id).Except(want.Entities.Select(e => e.Id)).Order();
                Assert.Equal(gone, snapshot.Left.ToArray());
            }
        }

        void Schedule<T>(List<(uint At, T Item)> channel, T item)
        {
            if (zone.Chance(loss))
            {
                return;
            }

            var copies = zone.Chance(10) ? 2 : 1;
            for (var i = 0; i < copies; i++)
            {
                channel.Add((tick + (uint)zone.Next(zone.Chance(20) ? 6 : 2), item));
            }
        }
    }

    private static List<(uint At, T Item)> Due<T>(List<(uint At, T Item)> channel, uint now)
    {
        var due = channel.Where(m => m.At <= now).ToList();
        channel.RemoveAll(m => m.At <= now);
        return due;
    }

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public void Quantizer_IsAProjection(ulong seed)
    {
        var zone = new ZoneScript();
        foreach (var e in zone.Step(seed).Visible.Concat(zone.Step(seed + 1).Visible))
        {
            var once = Quantizer.Entity(e);
            Assert.Equal(once, Quantizer.Entity(once));
        }
    }

    private sealed record Expected(uint? Baseline, OwnState Own, EntityState[] Entities, ZoneEvent[]? Events, ZoneEvent[] Happened);
}
