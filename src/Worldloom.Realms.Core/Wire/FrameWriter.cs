using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Worldloom.Realms.Core.Wire;

/// <summary>Writes a frame's fields (little-endian; strings as a varint length and UTF-8) into a buffer writer.</summary>
internal readonly ref struct FrameWriter(IBufferWriter<byte> output)
{
    private readonly IBufferWriter<byte> _output = output;

    public void U8(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    public void I16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(_output.GetSpan(2), value);
        _output.Advance(2);
    }

    public void U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    public void I32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    public void Guid(Guid value)
    {
        value.TryWriteBytes(_output.GetSpan(16), bigEndian: true, out _);
        _output.Advance(16);
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    /// <summary>Writes a string, refusing one the reader would reject: a bug on the writing side, not bad input.</summary>
    public void String(string value, int maxBytes, string field)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > maxBytes)
        {
            throw new ArgumentException($"{field} is {length} UTF-8 bytes; at most {maxBytes}", field);
        }

        var span = _output.GetSpan(5 + length);
        var at = 0;
        var rest = (uint)length;
        while (rest >= 0x80)
        {
            span[at++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        span[at++] = (byte)rest;
        at += Encoding.UTF8.GetBytes(value, span[at..]);
        _output.Advance(at);
    }
}
