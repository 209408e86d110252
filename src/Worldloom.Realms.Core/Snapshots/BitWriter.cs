using System.Buffers;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// Packs fields bit by bit into a buffer writer: bit i of the stream is bit (i mod 8) of byte i / 8, and a field's
/// low bit goes first, so the reader (here and in web/src/realms/snapshot.ts) needs no byte-order rules.
/// </summary>
public sealed class BitWriter
{
    private IBufferWriter<byte>? _output;
    private ulong _pending;
    private int _pendingBits;
    private long _written;
    private bool _counting;

    /// <summary>Starts writing into <paramref name="output"/> (a writer is reused from payload to payload).</summary>
    public void Reset(IBufferWriter<byte> output)
    {
        _output = output;
        _counting = false;
        _pending = 0;
        _pendingBits = 0;
        _written = 0;
    }

    /// <summary>Starts counting bits without keeping them: the encoder measures what a field would cost before it
    /// decides whether the snapshot's budget has room for it.</summary>
    internal void ResetCounting()
    {
        _output = null;
        _counting = true;
        _pending = 0;
        _pendingBits = 0;
        _written = 0;
    }

    /// <summary>Bits written since <see cref="Reset"/>.</summary>
    public long BitCount => _written;

    /// <summary>Writes the low <paramref name="bits"/> (0..32) of <paramref name="value"/>; higher bits must be zero.</summary>
    public void Write(uint value, int bits)
    {
        if ((uint)bits > 32 || (bits < 32 && value >> bits != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {bits} bits");
        }

        _pending |= (ulong)value << _pendingBits;
        _pendingBits += bits;
        _written += bits;
        if (_pendingBits >= 32)
        {
            Emit(4);
        }
    }

    /// <summary>Writes one bit.</summary>
    public void Write(bool value) => Write(value ? 1u : 0u, 1);

    /// <summary>Writes a non-negative number in groups of four bits, low group first, each after a bit that says
    /// whether another follows: 0..15 take 5 bits, 16..255 take 10, a full 32-bit value 40.</summary>
    public void WriteVarUInt(uint value)
    {
        while (value > 0xf)
        {
            Write(((value & 0xf) << 1) | 1, 5);
            value >>= 4;
        }

        Write(value << 1, 5);
    }

    /// <summary>The bits <see cref="WriteVarUInt"/> takes for <paramref name="value"/>.</summary>
    internal static int VarUIntBits(uint value)
    {
        var bits = 5;
        while (value > 0xf)
        {
            bits += 5;
            value >>= 4;
        }

        return bits;
    }

    /// <summary>Writes a signed number as <see cref="WriteVarUInt"/> of its zig-zag form (0, -1, 1, -2 ... → 0, 1, 2, 3 ...).</summary>
    public void WriteVarInt(int value) => WriteVarUInt((uint)((value << 1) ^ (value >> 31)));

    /// <summary>Writes what is pending, the last byte padded with zero bits.</summary>
    public void Flush()
    {
        Emit((_pendingBits + 7) / 8);
        _pendingBits = 0;
    }

    private void Emit(int bytes)
    {
        if (_counting)
        {
            _pending >>= 8 * bytes;
            _pendingBits -= 8 * bytes;
            return;
        }

        var output = _output ?? throw new InvalidOperationException("Reset the writer before writing");
        var span = output.GetSpan(bytes);
        for (var i = 0; i < bytes; i++)
        {
            span[i] = (byte)_pending;
            _pending >>= 8;
        }

        output.Advance(bytes);
        _pendingBits -= 8 * bytes;
    }
}
