using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Core.Tests.Wire;

public sealed class ServerFramesTests
{
    private static readonly ServerFrame[] Samples =
    [
        new WelcomeFrame(17, Guid.Parse("01234567-89ab-cdef-0011-223344556677"), 3, 255, 9000, 20),
        new SnapshotFrame(new byte[] { 1, 2, 3, 250 }),
        new RefusedFrame(41, "cooldown"),
        new TransferFrame(0, 4),
        new ConsoleReplyFrame("spawned 3 wolves\nnext line"),
        new ConsoleReplyFrame(new string('r', WireLimits.MaxConsoleReply)),
        new ErrorFrame("out_of_range", "input.move_angle must be -1 (stop) or 0..4095; got 5000"),
        new PongFrame(uint.MaxValue),
    ];

    public static TheoryData<ServerFrame> Frames => new(Samples);

    [Theory]
    [MemberData(nameof(Frames))]
    public void TryRead_WhatWriteWrote_GivesTheSameFrame(ServerFrame frame)
    {
        var bytes = ServerFrames.ToArray(frame);

        Assert.True(ServerFrames.TryRead(bytes, out var read, out var error), error?.ToString());
        Assert.Equal(frame, read);
        Assert.Equal((byte)frame.Type, bytes[0]);
    }

    [Fact]
    public void Write_Welcome_IsTheDocumentedLayout()
    {
        var bytes = ServerFrames.ToArray(new WelcomeFrame(0x0a0b0c0d, Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), 1, 2, 0x100, 20));

        Assert.Equal(Convert.FromHexString("810d0c0b0a00112233445566778899aabbccddeeff01020001000014"), bytes);
    }

    [Fact]
    public void Write_Snapshot_IsTheTypeByteThenThePayload() =>
        Assert.Equal(new byte[] { 0x82, 9, 8 }, ServerFrames.ToArray(new SnapshotFrame(new byte[] { 9, 8 })));

    [Fact]
    public void TryRead_EveryTruncation_IsRefusedNamingTheFrame()
    {
        // A snapshot's payload is passed through; the snapshot decoder judges it.
        foreach (var sample in Samples.Where(frame => frame is not SnapshotFrame))
        {
            var bytes = ServerFrames.ToArray(sample);
            for (var length = 1; length < bytes.Length; length++)
            {
                Assert.False(ServerFrames.TryRead(bytes.AsSpan(0, length), out _, out var error));
                Assert.Contains(error.Code, new[] { "truncated", "bad_length" });
                Assert.Contains(error.Field, error.Message);
            }
        }
    }

    [Fact]
    public void TryRead_ZeroTickRate_IsOutOfRange()
    {
        var bytes = ServerFrames.ToArray(new WelcomeFrame(1, Guid.Empty, 0, 0, 0, 20));
        bytes[^1] = 0;

        Assert.False(ServerFrames.TryRead(bytes, out _, out var error));
        Assert.Equal("welcome.ticks_per_second", error.Field);
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x80)]
    [InlineData(0x88)]
    public void TryRead_UnknownType_IsUnknownType(byte type)
    {
        Assert.False(ServerFrames.TryRead([type, 0], out _, out var error));
        Assert.Equal("unknown_type", error.Code);
    }

    [Fact]
    public void TryRead_OverTheLimit_IsTooLarge()
    {
        var bytes = new byte[WireLimits.MaxServerFrame + 1];
        bytes[0] = (byte)ServerFrameType.Snapshot;

        Assert.False(ServerFrames.TryRead(bytes, out _, out var error));
        Assert.Equal("too_large", error.Code);
    }

    [Fact]
    public void TryRead_RandomBytes_NeverThrows()
    {
        var state = 0x1234567u;
        var buffer = new byte[64];
        for (var i = 0; i < 20000; i++)
        {
            var length = (int)(ClientFramesTests.Next(ref state) % 40);
            for (var j = 0; j < length; j++)
            {
                buffer[j] = (byte)ClientFramesTests.Next(ref state);
            }

            buffer[0] = (byte)(0x81 + (ClientFramesTests.Next(ref state) % 7));
            if (ServerFrames.TryRead(buffer.AsSpan(0, length), out var frame, out _))
            {
                Assert.Equal(buffer.AsSpan(0, length).ToArray(), ServerFrames.ToArray(frame));
            }
        }
    }

    [Fact]
    public void ErrorFrame_From_CarriesCodeAndMessage()
    {
        Assert.False(ClientFrames.TryRead([0x04, 1], out _, out var error));

        var frame = ErrorFrame.From(error);

        Assert.Equal("truncated", frame.Code);
        Assert.Contains("ack.tick", frame.Message);
    }
}
