using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Worldloom.Realms.Core.Wire;

/// <summary>Writes and strictly reads server → client frames (docs/realms.md, "Wire protocol").</summary>
public static class ServerFrames
{
    /// <summary>Writes <paramref name="frame"/>. Throws <see cref="ArgumentException"/> for a frame the reader would
    /// refuse (a string too long, a tick rate of 0): a bug of the sender, never of the peer.</summary>
    public static void Write(ServerFrame frame, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var w = new FrameWriter(output);
        w.U8((byte)frame.Type);
        switch (frame)
        {
            case WelcomeFrame welcome:
                if (welcome.TicksPerSecond == 0)
                {
                    throw new ArgumentException("welcome.ticks_per_second is 0", nameof(frame));
                }

                w.U32(welcome.EntityId);
                w.Guid(welcome.RealmId);
                w.U8(welcome.ZoneX);
                w.U8(welcome.ZoneY);
                w.U32(welcome.Tick);
                w.U8(welcome.TicksPerSecond);
                break;
            case SnapshotFrame snapshot:
                if (snapshot.Payload.Length + 1 > WireLimits.MaxServerFrame)
                {
                    throw new ArgumentException($"snapshot payload is {snapshot.Payload.Length} bytes; at most {WireLimits.MaxServerFrame - 1}", nameof(frame));
                }

                w.Bytes(snapshot.Payload.Span);
                break;
            case RefusedFrame refused:
                w.U32(refused.Sequence);
                w.String(refused.Code, WireLimits.MaxCode, "refused.code");
                break;
            case TransferFrame transfer:
                w.U8(transfer.ZoneX);
                w.U8(transfer.ZoneY);
                break;
            case ConsoleReplyFrame console:
                w.String(console.Text, WireLimits.MaxConsoleReply, "console.text");
                break;
            case ErrorFrame error:
                w.String(error.Code, WireLimits.MaxCode, "error.code");
                w.String(error.Message, WireLimits.MaxMessage, "error.message");
                break;
            case PongFrame pong:
                w.U32(pong.Nonce);
                break;
            default:
                throw new ArgumentException($"unknown frame {frame.GetType().Name}", nameof(frame));
        }
    }

    /// <summary>The bytes of <paramref name="frame"/>.</summary>
    public static byte[] ToArray(ServerFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        Write(frame, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one frame (a snapshot's payload is copied out, not decoded). Never throws for bad bytes: false
    /// with <paramref name="error"/> naming the field.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ServerFrame? frame, [NotNullWhen(false)] out WireError? error)
    {
        frame = null;
        error = FrameReader.CheckSize(bytes, WireLimits.MaxServerFrame);
        if (error is not null)
        {
            return false;
        }

        var fields = bytes[1..];
        switch ((ServerFrameType)bytes[0])
        {
            case ServerFrameType.Welcome:
            {
                var r = new FrameReader(fields, "welcome");
                var entity = r.U32("entity_id");
                var realm = r.Guid("realm_id");
                var zoneX = r.U8("zone_x");
                var zoneY = r.U8("zone_y");
                var tick = r.U32("tick");
                var rate = r.U8("ticks_per_second");
                if (r.Error is null && rate == 0)
                {
                    r.OutOfRange("ticks_per_second", "1..255", 0);
                }

                frame = new WelcomeFrame(entity, realm, zoneX, zoneY, tick, rate);
                return r.Finish(ref frame, out error);
            }

            case ServerFrameType.Snapshot:
                if (fields.IsEmpty)
                {
                    error = new WireError("truncated", "snapshot.payload", "snapshot.payload is empty");
                    return false;
                }

                frame = new SnapshotFrame(fields.ToArray());
                error = null;
                return true;

            case ServerFrameType.Refused:
            {
                var r = new FrameReader(fields, "refused");
                var sequence = r.U32("sequence");
                frame = new RefusedFrame(sequence, r.String("code", WireLimits.MaxCode));
                return r.Finish(ref frame, out error);
            }

            case ServerFrameType.Transfer:
            {
                var r = new FrameReader(fields, "transfer");
                var zoneX = r.U8("zone_x");
                frame = new TransferFrame(zoneX, r.U8("zone_y"));
                return r.Finish(ref frame, out error);
            }

            case ServerFrameType.Console:
            {
                var r = new FrameReader(fields, "console");
                frame = new ConsoleReplyFrame(r.String("text", WireLimits.MaxConsoleReply));
                return r.Finish(ref frame, out error);
            }

            case ServerFrameType.Error:
            {
                var r = new FrameReader(fields, "error");
                var code = r.String("code", WireLimits.MaxCode);
                frame = new ErrorFrame(code, r.String("message", WireLimits.MaxMessage));
                return r.Finish(ref frame, out error);
            }

            case ServerFrameType.Pong:
            {
                var r = new FrameReader(fields, "pong");
                frame = new PongFrame(r.U32("nonce"));
                return r.Finish(ref frame, out error);
            }

            default:
                error = new WireError("unknown_type", "frame.type", $"frame.type 0x{bytes[0]:x2} is not a server frame type");
                return false;
        }
    }
}
