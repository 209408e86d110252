using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Worldloom.Realms.Core.Geometry;
using Worldloom.Realms.Core.Input;

namespace Worldloom.Realms.Core.Wire;

/// <summary>Writes and strictly reads client → server frames (docs/realms.md, "Wire protocol").</summary>
public static class ClientFrames
{
    /// <summary>Writes <paramref name="frame"/>. Throws <see cref="ArgumentException"/> for a frame the reader would
    /// refuse (a string too long, a move angle out of range): a bug of the sender, never of the peer.</summary>
    public static void Write(ClientFrame frame, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var w = new FrameWriter(output);
        w.U8((byte)frame.Type);
        switch (frame)
        {
            case AuthFrame auth:
                if (auth.AccessToken.Length == 0)
                {
                    throw new ArgumentException("auth.token is empty", nameof(frame));
                }

                w.String(auth.AccessToken, WireLimits.MaxToken, "auth.token");
                break;
            case JoinFrame join:
                w.Guid(join.CharacterId);
                break;
            case InputFrame { Input: var input } inputFrame:
                if (input.MoveAngle is < PlayerInput.Stop or >= WireLimits.AnglesPerTurn)
                {
                    throw new ArgumentException($"input.move_angle {input.MoveAngle} is out of range", nameof(frame));
                }

                if (input.Cast is { } c && (c.Slot is < 1 or > byte.MaxValue || !IsPointCoordinate(c.Point.X) || !IsPointCoordinate(c.Point.Y)))
                {
                    throw new ArgumentException($"input cast slot {c.Slot} or point {c.Point} is out of range", nameof(frame));
                }

                w.U32(input.Sequence);
                w.I16((short)input.MoveAngle);
                w.U8((byte)(input.Cast?.Slot ?? 0));
                w.U32(input.Cast?.Target ?? 0);
                w.I32(input.Cast?.Point.X ?? 0);
                w.I32(input.Cast?.Point.Y ?? 0);
                if (inputFrame.Ack is { } acked)
                {
                    w.U32(acked);
                }

                break;
            case AckFrame ack:
                w.U32(ack.Tick);
                break;
            case ConsoleCommandFrame console:
                w.String(console.Line, WireLimits.MaxConsoleLine, "console.line");
                break;
            case PingFrame ping:
                w.U32(ping.Nonce);
                break;
            default:
                throw new ArgumentException($"unknown frame {frame.GetType().Name}", nameof(frame));
        }
    }

    /// <summary>The bytes of <paramref name="frame"/>.</summary>
    public static byte[] ToArray(ClientFrame frame)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        Write(frame, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one frame. Never throws for bad bytes: false with <paramref name="error"/> naming the field for
    /// an empty, oversized, truncated or unknown frame, trailing bytes, or a value out of its range.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out ClientFrame? frame, [NotNullWhen(false)] out WireError? error)
    {
        frame = null;
        error = FrameReader.CheckSize(bytes, WireLimits.MaxClientFrame);
        if (error is not null)
        {
            return false;
        }

        var fields = bytes[1..];
        switch ((ClientFrameType)bytes[0])
        {
            case ClientFrameType.Auth:
            {
                var r = new FrameReader(fields, "auth");
                var token = r.String("token", WireLimits.MaxToken);
                if (r.Error is null && token.Length == 0)
                {
                    r.OutOfRange("token", "non-empty", 0);
                }

                frame = new AuthFrame(token);
                return r.Finish(ref frame, out error);
            }

            case ClientFrameType.Join:
            {
                var r = new FrameReader(fields, "join");
                frame = new JoinFrame(r.Guid("character_id"));
                return r.Finish(ref frame, out error);
            }

            case ClientFrameType.Input or ClientFrameType.InputAck:
            {
                var withAck = (ClientFrameType)bytes[0] == ClientFrameType.InputAck;
                var r = new FrameReader(fields, withAck ? "input_ack" : "input");
                var sequence = r.U32("sequence");
                var angle = r.I16("move_angle");
                var slot = r.U8("slot");
                var target = r.U32("target");
                var x = r.I32("point_x");
                var y = r.I32("point_y");
                var ack = withAck ? r.U32("ack") : (uint?)null;
                if (r.Error is null)
                {
                    if (angle is < PlayerInput.Stop or >= WireLimits.AnglesPerTurn)
                    {
                        r.OutOfRange("move_angle", $"-1 (stop) or 0..{WireLimits.AnglesPerTurn - 1}", angle);
                    }
                    else if (slot == 0 && (target != 0 || x != 0 || y != 0))
                    {
                        r.OutOfRange("target", "0 with point 0, 0 when slot is 0 (no cast)", target);
                    }
                    else if (!IsPointCoordinate(x))
                    {
                        r.OutOfRange("point_x", $"within ±{WireLimits.MaxPointCoordinate}", x);
                    }
                    else if (!IsPointCoordinate(y))
                    {
                        r.OutOfRange("point_y", $"within ±{WireLimits.MaxPointCoordinate}", y);
                    }
                }

                var cast = slot == 0 ? (SkillCast?)null : new SkillCast(slot, target, new Vec(x, y));
                frame = new InputFrame(new PlayerInput(sequence, angle, cast), ack);
                return r.Finish(ref frame, out error);
            }

            case ClientFrameType.Ack:
            {
                var r = new FrameReader(fields, "ack");
                frame = new AckFrame(r.U32("tick"));
                return r.Finish(ref frame, out error);
            }

            case ClientFrameType.Console:
            {
                var r = new FrameReader(fields, "console");
                frame = new ConsoleCommandFrame(r.String("line", WireLimits.MaxConsoleLine));
                return r.Finish(ref frame, out error);
            }

            case ClientFrameType.Ping:
            {
                var r = new FrameReader(fields, "ping");
                frame = new PingFrame(r.U32("nonce"));
                return r.Finish(ref frame, out error);
            }

            default:
                error = new WireError("unknown_type", "frame.type", $"frame.type 0x{bytes[0]:x2} is not a client frame type");
                return false;
        }
    }

    private static bool IsPointCoordinate(int value) => value is >= -WireLimits.MaxPointCoordinate and <= WireLimits.MaxPointCoordinate;
}
