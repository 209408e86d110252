using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace Worldloom.Realms.Core.Wire;

/// <summary>
/// Reads a frame's fields in order. The first fault is kept and every later read returns a default, so a decoder
/// reads all its fields straight through and checks <see cref="Error"/> once, and bad bytes never throw.
/// </summary>
internal ref struct FrameReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly string _frame;
    private int _position;

    /// <summary>Reads <paramref name="bytes"/> (the fields after the type byte) of frame <paramref name="frame"/>.</summary>
    public FrameReader(ReadOnlySpan<byte> bytes, string frame)
    {
        _bytes = bytes;
        _frame = frame;
        _position = 0;
        Error = null;
    }

    /// <summary>The first fault, or null.</summary>
    public WireError? Error { get; private set; }

    public byte U8(string field) => Take(1, field) is { } at ? _bytes[at] : (byte)0;

    public short I16(string field) => Take(2, field) is { } at ? BinaryPrimitives.ReadInt16LittleEndian(_bytes[at..]) : (short)0;

    public uint U32(string field) => Take(4, field) is { } at ? BinaryPrimitives.ReadUInt32LittleEndian(_bytes[at..]) : 0;

    public int I32(string field) => Take(4, field) is { } at ? BinaryPrimitives.ReadInt32LittleEndian(_bytes[at..]) : 0;

    public Guid Guid(string field) => Take(16, field) is { } at ? new Guid(_bytes.Slice(at, 16), bigEndian: true) : default;

    /// <summary>A varint length (LEB128, at most <paramref name="maxBytes"/>) then that many bytes of UTF-8.</summary>
    public string String(string field, int maxBytes)
    {
        if (Error is not null)
        {
            return "";
        }

        uint length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (_position >= _bytes.Length)
            {
                Fail("truncated", field, $"{Name(field)}: the frame ends inside the length");
                return "";
            }

            var b = _bytes[_position++];
            if (shift == 28 && b > 0x0f)
            {
                Fail("bad_length", field, $"{Name(field)}: the length does not fit 32 bits");
                return "";
            }

            length |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0)
                {
                    Fail("bad_length", field, $"{Name(field)}: the length has redundant bytes");
                    return "";
                }

                break;
            }
        }

        if (length > maxBytes)
        {
            Fail("too_long", field, $"{Name(field)} is {length} bytes; at most {maxBytes}");
            return "";
        }

        if (Take((int)length, field) is not { } start)
        {
            return "";
        }

        var text = _bytes.Slice(start, (int)length);
        if (!Utf8.IsValid(text))
        {
            Fail("bad_utf8", field, $"{Name(field)} is not valid UTF-8");
            return "";
        }

        return Encoding.UTF8.GetString(text);
    }

    /// <summary>Records a value fault found after reading (a field out of its range).</summary>
    public void OutOfRange(string field, string expected, long got) =>
        Fail("out_of_range", field, $"{Name(field)} must be {expected}; got {got}");

    /// <summary>Whether the frame was read cleanly and completely; otherwise <paramref name="error"/> says why and
    /// <paramref name="frame"/> is cleared, so no half-read frame escapes.</summary>
    public readonly bool Finish<T>(ref T? frame, [NotNullWhen(false)] out WireError? error)
        where T : class
    {
        error = Error;
        if (error is null && _position != _bytes.Length)
        {
            var extra = _bytes.Length - _position;
            error = new WireError("trailing_bytes", "frame", $"{_frame}: {extra} byte(s) after the last field");
        }

        if (error is not null)
        {
            frame = null;
        }

        return error is null;
    }

    /// <summary>The fault of a frame that is empty or over <paramref name="maxBytes"/>, or null.</summary>
    public static WireError? CheckSize(ReadOnlySpan<byte> frame, int maxBytes) =>
        frame.IsEmpty ? new WireError("empty", "frame", "the frame is empty")
        : frame.Length > maxBytes ? new WireError("too_large", "frame", $"the frame is {frame.Length} bytes; at most {maxBytes}")
        : null;

    private int? Take(int count, string field)
    {
        if (Error is not null)
        {
            return null;
        }

        if (_bytes.Length - _position < count)
        {
            Fail("truncated", field, $"{Name(field)}: the frame ends after {_position} of its field bytes, {count} more needed");
            return null;
        }

        var at = _position;
        _position += count;
        return at;
    }

    private void Fail(string code, string field, string message) => Error ??= new WireError(code, Name(field), message);

    private readonly string Name(string field) => $"{_frame}.{field}";
}
