using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;
using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Core.Tests.Wire;

public sealed class ClientFramesTests
{
    public static TheoryData<ClientFrame> Frames => new()
    {
        new AuthFrame("eyJhbGciOi.J9.x"),
        new AuthFrame(new string('t', WireLimits.MaxToken)),
        new JoinFrame(Guid.Parse("01234567-89ab-cdef-0011-223344556677")),
        new InputFrame(new PlayerInput(7, PlayerInput.Stop, null)),
        new InputFrame(new PlayerInput(uint.MaxValue, 4095, new SkillCast(3, 0, new Vec(0, 0)))),
        new InputFrame(new PlayerInput(1, 0, new SkillCast(1, 42, new Vec(-WireLimits.MaxPointCoordinate, WireLimits.MaxPointCoordinate)))),
        new InputFrame(new PlayerInput(8, 100, null), 77),
        new InputFrame(new PlayerInput(9, PlayerInput.Stop, new SkillCast(2, 5, new Vec(1, 2))), uint.MaxValue),
        new AckFrame(123456),
        new ConsoleCommandFrame("/spawn wolf 3"),
        new ConsoleCommandFrame(""),
        new ConsoleCommandFrame("/say Ünïcödé 🐉"),
        new PingFrame(0xdeadbeef),
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_WhatWriteWrote_GivesTheSameFrame(ClientFrame frame)
    {
        var bytes = ClientFrames.ToArray(frame);

        Assert.True(ClientFrames.TryRead(bytes, out var read, out var error), error?.ToString());
        Assert.Equal(frame, read);
        Assert.Equal((byte)frame.Type, bytes[0]);
    }

    [Fact]
    public void Write_Input_IsTheDocumentedLayout()
    {
        var bytes = ClientFrames.ToArray(new InputFrame(new PlayerInput(0x01020304, -1, new SkillCast(2, 9, new Vec(256, -1)))));

        Assert.Equal(
            [0x03, 0x04, 0x03, 0x02, 0x01, 0xff, 0xff, 0x02, 0x09, 0, 0, 0, 0x00, 0x01, 0, 0, 0xff, 0xff, 0xff, 0xff],
            bytes);
    }

    [Fact]
    public void Write_Join_PutsTheGuidInItsTextOrder()
    {
        var bytes = ClientFrames.ToArray(new JoinFrame(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff")));

        Assert.Equal(Convert.FromHexString("0200112233445566778899aabbccddeeff"), bytes);
    }

    [Fact]
    public void TryRead_EveryTruncation_IsTruncatedNamingTheField()
    {
        var bytes = ClientFrames.ToArray(new InputFrame(new PlayerInput(5, 100, new SkillCast(1, 2, new Vec(3, 4)))));

        for (var length = 1; length < bytes.Length; length++)
        {
            Assert.False(ClientFrames.TryRead(bytes.AsSpan(0, length), out var frame, out var error));
            Assert.Null(frame);
            Assert.Equal("truncated", error.Code);
            Assert.StartsWith("input.", error.Field);
            Assert.Contains(error.Field, error.Message);
        }

        Assert.Equal("input.sequence", Read([0x03, 1, 2]).Field);
        Assert.Equal("input.point_y", Read(bytes[..^1]).Field);
    }

    [Fact]
    public void TryRead_Empty_IsEmpty() => Assert.Equal("empty", Read([]).Code);

    [Fact]
    public void TryRead_OverTheFrameLimit_IsTooLarge()
    {
        var bytes = new byte[WireLimits.MaxClientFrame + 1];
        bytes[0] = (byte)ClientFrameType.Console;

        Assert.Equal("too_large", Read(bytes).Code);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x08)]
    [InlineData(0x81)]
    [InlineData(0xff)]
    public void TryRead_UnknownType_IsUnknownType(byte type)
    {
        var error = Read([type, 0, 0, 0, 0]);

        Assert.Equal("unknown_type", error.Code);
        Assert.Equal("frame.type", error.Field);
    }

    [Fact]
    public void TryRead_TrailingBytes_IsRefused()
    {
        byte[] bytes = [.. ClientFrames.ToArray(new PingFrame(1)), 0];

        var error = Read(bytes);

        Assert.Equal("trailing_bytes", error.Code);
        Assert.Contains("ping", error.Message);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(4096)]
    [InlineData(short.MinValue)]
    public void TryRead_MoveAngleOutOfRange_NamesTheField(short angle)
    {
        var bytes = ClientFrames.ToArray(new InputFrame(new PlayerInput(1, 0, null)));
        BitConverter.TryWriteBytes(bytes.AsSpan(5, 2), angle);

        var error = Read(bytes);

        Assert.Equal("out_of_range", error.Code);
        Assert.Equal("input.move_angle", error.Field);
        Assert.Contains(angle.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void TryRead_NoCastButATarget_IsRefused()
    {
        var bytes = ClientFrames.ToArray(new InputFrame(new PlayerInput(1, 0, null)));
        bytes[8] = 5;

        Assert.Equal("input.target", Read(bytes).Field);
    }

    [Fact]
    public void TryRead_PointFarOutside_IsRefused()
    {
        var bytes = ClientFrames.ToArray(new InputFrame(new PlayerInput(1, 0, new SkillCast(1, 0, new Vec(0, 0)))));
        BitConverter.TryWriteBytes(bytes.AsSpan(16, 4), int.MinValue);

        Assert.Equal("input.point_y", Read(bytes).Field);
    }

    [Fact]
    public void TryRead_StringLongerThanItsLimit_IsTooLongBeforeReadingIt()
    {
        // Declares 300 bytes but carries none: the limit is checked on the declared length, before anything is taken.
        var error = Read([(byte)ClientFrameType.Console, 0xac, 0x02]);

        Assert.Equal("too_long", error.Code);
        Assert.Equal("console.line", error.Field);
    }

    [Fact]
    public void TryRead_StringLengthPastTheFrame_IsTruncated()
    {
        var error = Read([(byte)ClientFrameType.Auth, 10, (byte)'a']);

        Assert.Equal("truncated", error.Code);
        Assert.Equal("auth.token", error.Field);
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x80 })]                         // ends inside the varint
    [InlineData(new byte[] { 0x01, 0x81, 0x00, 0x61 })]             // redundant zero byte
    [InlineData(new byte[] { 0x01, 0xff, 0xff, 0xff, 0xff, 0x7f })] // over 32 bits
    public void TryRead_BadLength_IsRefused(byte[] bytes)
    {
        var error = Read(bytes);

        Assert.Contains(error.Code, new[] { "truncated", "bad_length" });
        Assert.Equal("auth.token", error.Field);
    }

    [Fact]
    public void TryRead_InvalidUtf8_IsBadUtf8()
    {
        var error = Read([(byte)ClientFrameType.Console, 2, 0xc3, 0x28]);

        Assert.Equal("bad_utf8", error.Code);
        Assert.Equal("console.line", error.Field);
    }

    [Fact]
    public void TryRead_EmptyToken_IsRefused() => Assert.Equal("auth.token", Read([0x01, 0x00]).Field);

    [Fact]
    public void TryRead_RandomBytes_NeverThrows()
    {
        // A fixed pseudo-random sweep (xorshift, not System.Random, so a failure reproduces exactly).
        var state = 0x9e3779b9u;
        var buffer = new byte[64];
        for (var i = 0; i < 20000; i++)
        {
            var length = (int)(Next(ref state) % 40);
            for (var j = 0; j < length; j++)
            {
                buffer[j] = (byte)Next(ref state);
            }

            buffer[0] = (byte)(1 + (Next(ref state) % 7));
            if (ClientFrames.TryRead(buffer.AsSpan(0, length), out var frame, out var error))
            {
                Assert.Equal(buffer.AsSpan(0, length).ToArray(), ClientFrames.ToArray(frame));
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error.Message));
            }
        }
    }

    [Fact]
    public void Write_StringOverItsLimit_Throws() =>
        Assert.Throws<ArgumentException>(() => ClientFrames.ToArray(new ConsoleCommandFrame(new string('x', WireLimits.MaxConsoleLine + 1))));

    [Fact]
    public void Write_EmptyToken_Throws() =>
        Assert.Throws<ArgumentException>(() => ClientFrames.ToArray(new AuthFrame("")));

    [Fact]
    public void Write_MoveAngleOutOfRange_Throws() =>
        Assert.Throws<ArgumentException>(() => ClientFrames.ToArray(new InputFrame(new PlayerInput(1, 4096, null))));

    private static WireError Read(byte[] bytes)
    {
        Assert.False(ClientFrames.TryRead(bytes, out var frame, out var error));
        Assert.Null(frame);
        return error;
    }

    internal static uint Next(ref uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
}
