using System.Buffers;
using Worldloom.Realms.Core.Snapshots;

namespace Worldloom.Realms.Core.Tests.Snapshots;

public sealed class BitsTests
{
    [Fact]
    public void Write_FieldsOfAnyWidth_ReadBackInOrder()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new BitWriter();
        w.Reset(buffer);
        w.Write(5, 3);
        w.Write(true);
        w.Write(0xabcdef12, 32);
        w.Write(0, 0);
        w.Write(4095, 12);
        w.WriteVarUInt(uint.MaxValue);
        w.WriteVarInt(int.MinValue);
        w.WriteVarInt(-3);
        w.Flush();

        var r = new BitReader(buffer.WrittenSpan);
        Assert.Equal(5u, r.Read(3, "a"));
        Assert.True(r.ReadBool("b"));
        Assert.Equal(0xabcdef12u, r.Read(32, "c"));
        Assert.Equal(4095u, r.Read(12, "d"));
        Assert.Equal(uint.MaxValue, r.ReadVarUInt("e"));
        Assert.Equal(int.MinValue, r.ReadVarInt("f"));
        Assert.Equal(-3, r.ReadVarInt("g"));
        Assert.True(r.Finish(out var error), error?.ToString());
        Assert.Equal((w.BitCount + 7) / 8, buffer.WrittenCount);
    }

    [Fact]
    public void Write_IsLowBitFirst()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new BitWriter();
        w.Reset(buffer);
        w.Write(1, 1);
        w.Write(0b10, 2);
        w.Write(0x1ff, 9);
        w.Flush();

        Assert.Equal(new byte[] { 0b1111_1101, 0b0000_1111 }, buffer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0u, 5)]
    [InlineData(15u, 5)]
    [InlineData(16u, 10)]
    [InlineData(255u, 10)]
    [InlineData(4095u, 15)]
    [InlineData(uint.MaxValue, 40)]
    public void WriteVarUInt_TakesFiveBitsPerNibble(uint value, int bits)
    {
        var w = new BitWriter();
        w.Reset(new ArrayBufferWriter<byte>());
        w.WriteVarUInt(value);

        Assert.Equal(bits, w.BitCount);
    }

    [Fact]
    public void Write_ValueWiderThanItsField_Throws()
    {
        var w = new BitWriter();
        w.Reset(new ArrayBufferWriter<byte>());

        Assert.Throws<ArgumentOutOfRangeException>(() => w.Write(8, 3));
    }

    [Fact]
    public void ReadVarUInt_RedundantLastGroup_IsRefused()
    {
        // 0 in two groups: nibble 0 with "more", then nibble 0 without.
        var r = new BitReader([0b0000_0001, 0b0000_0000]);

        Assert.Equal(0u, r.ReadVarUInt("n"));
        Assert.Equal("bad_number", r.Error?.Code);
    }

    [Fact]
    public void ReadVarUInt_PastThirtyTwoBits_IsRefused()
    {
        var r = new BitReader([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

        r.ReadVarUInt("n");

        Assert.Equal("bad_number", r.Error?.Code);
    }

    [Fact]
    public void Read_PastTheEnd_IsTruncatedAndLatches()
    {
        var r = new BitReader([0xff]);

        Assert.Equal(0xffu, r.Read(8, "a"));
        Assert.Equal(0u, r.Read(1, "b"));
        Assert.Equal(0u, r.Read(1, "c"));
        Assert.Equal("truncated", r.Error?.Code);
        Assert.Equal("b", r.Error?.Field);
    }

    [Fact]
    public void Finish_NonZeroPaddingOrAWholeByteLeft_IsTrailing()
    {
        var padded = new BitReader([0b0000_0011]);
        padded.Read(1, "a");
        Assert.False(padded.Finish(out var error));
        Assert.Equal("trailing_bytes", error.Code);

        var extraByte = new BitReader([0, 0]);
        extraByte.Read(3, "a");
        Assert.False(extraByte.Finish(out _));

        var clean = new BitReader([0b0000_0001]);
        clean.Read(1, "a");
        Assert.True(clean.Finish(out _));
    }
}
