using Worldloom.Chat.Realtime;

namespace Worldloom.Chat.Tests.Realtime;

public sealed class FrameBatchStreamTests
{
    [Fact]
    public async Task HeldFrames_GoOutWithTheNextUnheldOne_InOneWrite_InOrder()
    {
        var transport = new WriteLog();
        await using var stream = new FrameBatchStream(transport);

        stream.Holding = true;
        await stream.WriteAsync("one "u8.ToArray());
        await stream.WriteAsync("two "u8.ToArray());
        Assert.Empty(transport.Writes);

        stream.Holding = false;
        await stream.WriteAsync("three"u8.ToArray());
        Assert.Equal(["one two three"], transport.Writes);

        // Nothing held: a write goes straight through.
        await stream.WriteAsync("four"u8.ToArray());
        Assert.Equal(["one two three", "four"], transport.Writes);
    }

    [Fact]
    public async Task Holding_PastSixteenKiB_WritesAnyway_SoAWriterThatNeverCatchesUpStillSends()
    {
        var transport = new WriteLog();
        await using var stream = new FrameBatchStream(transport);
        stream.Holding = true;
        var frame = new byte[1000];

        for (var i = 0; i < 20; i++)
        {
            await stream.WriteAsync(frame);
        }

        Assert.Single(transport.Writes);
        Assert.Equal(17_000, transport.Writes[0].Length);
    }

    [Fact]
    public async Task AWebSocketOverIt_SendsARunOfFrames_AsOneWriteAndOneFlush_ThatAClientReadsInOrder()
    {
        var transport = new WriteLog();
        await using var stream = new FrameBatchStream(transport);
        using var socket = System.Net.WebSockets.WebSocket.CreateFromStream(stream, new System.Net.WebSockets.WebSocketCreationOptions { IsServer = true });

        // What the connection's writer does: hold while more frames follow, clear for the last one.
        string[] frames = ["a", "bb", "ccc"];
        for (var i = 0; i < frames.Length; i++)
        {
            stream.Holding = i < frames.Length - 1;
            await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(frames[i]), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        }

        Assert.Single(transport.Writes);
        Assert.Equal(1, transport.Flushes);
        // Unmasked server frames: FIN + text opcode, the length, the payload.
        Assert.Equal("\u0081\u0001a\u0081\u0002bb\u0081\u0003ccc", transport.Writes[0]);
    }

    [Fact]
    public async Task Flush_SendsWhatIsHeld_OnceHoldingEnds()
    {
        var transport = new WriteLog();
        await using var stream = new FrameBatchStream(transport);
        stream.Holding = true;
        await stream.WriteAsync("pong"u8.ToArray());
        await stream.FlushAsync();
        Assert.Empty(transport.Writes);

        stream.Holding = false;
        await stream.FlushAsync();

        Assert.Equal(["pong"], transport.Writes);
        Assert.Equal(1, transport.Flushes);
    }

    /// <summary>A transport that records each write it was given, as one string.</summary>
    private sealed class WriteLog : MemoryStream
    {
        public List<string> Writes { get; } = [];

        public int Flushes { get; private set; }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(System.Text.Encoding.Latin1.GetString(buffer.Span));
            return ValueTask.CompletedTask;
        }
    }
}
