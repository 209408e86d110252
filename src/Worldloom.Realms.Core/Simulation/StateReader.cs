using System.Buffers.Binary;
using System.Text;
using Worldloom.Realms.Core.Geometry;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>Reads what <see cref="StateWriter"/> wrote; a short or malformed checkpoint throws
/// <see cref="FormatException"/>.</summary>
internal ref struct StateReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _at;

    public StateReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _at = 0;
    }

    public readonly bool AtEnd => _at == _bytes.Length;

    public byte Byte() => Take(1)[0];

    public bool Bool() => Take(1)[0] != 0;

    public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public Vec Vec() => new(I32(), I32());

    public Guid Guid() => new(Take(16));

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    public int Count(int max)
    {
        var count = I32();
        return count >= 0 && count <= max ? count : throw new FormatException($"The checkpoint holds a count of {count} (at most {max}).");
    }

    public string String() => Encoding.UTF8.GetString(Take(Count(1 << 24)));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _at + count > _bytes.Length)
        {
            throw new FormatException("The checkpoint ends early.");
        }

        var slice = _bytes.Slice(_at, count);
        _at += count;
        return slice;
    }
}
