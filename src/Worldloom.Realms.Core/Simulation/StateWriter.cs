using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>Little-endian writer of the canonical state bytes (checkpoints and the state hash).</summary>
internal sealed class StateWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Reset() => _buffer.ResetWrittenCount();

    public void Bool(bool value) => Advance(1, value ? (byte)1 : (byte)0);

    public void I32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void U32(uint value) => I32((int)value);

    public void U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Vec(Vec value)
    {
        I32(value.X);
        I32(value.Y);
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void Guid(Guid value)
    {
        value.TryWriteBytes(_buffer.GetSpan(16));
        _buffer.Advance(16);
    }

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        I32(length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    public void Byte(byte value) => Advance(1, value);

    private void Advance(int count, byte value)
    {
        _buffer.GetSpan(count)[0] = value;
        _buffer.Advance(count);
    }
}
