using System.Buffers;
using Worldloom.Realms.Core.Entities;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

/// <summary>The encoder sizes budget candidates by arithmetic (<c>EntityCodec.WholeBits</c>, <c>ChangesBits</c>);
/// those counts must be exactly what the writer then writes, or payloads overrun or underuse the budget.</summary>
public sealed class EntityCodecBitsTests
{
    [Fact]
    public void WholeBits_IsWhatWriteWholeWrites()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var e = RandomEntity(random);

            Assert.Equal(Written(w => EntityCodec.WriteWhole(w, e)), EntityCodec.WholeBits(e));
        }
    }

    [Fact]
    public void ChangesBits_IsWhatWriteChangesWrites()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var was = RandomEntity(random);
            // Half the time a small move only (the short mask and the 6-bit steps), else anything.
            var now = random.Next(2) == 0
                ? Quantizer.Entity(was with { Position = was.Position + new Vec(random.Next(-600, 600), random.Next(-600, 600)), Facing = random.Next(4096) })
                : RandomEntity(random);
            var mask = EntityCodec.Changes(was, now);

            Assert.Equal(Written(w => EntityCodec.WriteChanges(w, was, now, mask)), EntityCodec.ChangesBits(was, now, mask));
        }
    }

    [Fact]
    public void EventBits_IsWhatWriteEventWrites()
    {
        var random = new Random(13);
        for (var i = 0; i < 2000; i++)
        {
            var e = Quantizer.Event(new ZoneEvent(
                (ZoneEventKind)random.Next((int)ZoneEventKind.Knockback + 1), (uint)random.Next(1 << random.Next(1, 31)), (uint)random.Next(1 << random.Next(1, 31)),
                Signed(random), new Vec(random.Next(65536), random.Next(65536)), (ushort)random.Next(1 << random.Next(1, 16))));

            Assert.Equal(Written(w => EntityCodec.WriteEvent(w, e)), EntityCodec.EventBits(e));
        }
    }

    private static int Written(Action<BitWriter> write)
    {
        var w = new BitWriter();
        w.Reset(new ArrayBufferWriter<byte>());
        write(w);
        return (int)w.BitCount;
    }

    private static EntityState RandomEntity(Random random)
    {
        var shape = (TelegraphShape)random.Next(3);
        var telegraph = shape == TelegraphShape.None
            ? Telegraph.None
            : new Telegraph(shape, new Vec(random.Next(65536), random.Next(65536)), random.Next(1 << random.Next(1, 20)), random.Next(4096), random.Next(4096), random.Next(1 << random.Next(1, 12)));
        return Quantizer.Entity(new EntityState(
            (uint)random.Next(1, int.MaxValue), (EntityKind)random.Next(3), (ushort)random.Next(1 << random.Next(1, 16)),
            new Vec(random.Next(65536), random.Next(65536)), random.Next(4096), Signed(random), Signed(random), Signed(random), Signed(random),
            (EntityActivity)random.Next(9), random.Next(1 << random.Next(1, 20)), telegraph, (EntityFlags)random.Next(4),
            (uint)random.Next(1 << random.Next(1, 31))));
    }

    /// <summary>Values of every varint length, negative ones too.</summary>
    private static int Signed(Random random) => random.Next(-(1 << random.Next(1, 30)), 1 << random.Next(1, 30));
}
