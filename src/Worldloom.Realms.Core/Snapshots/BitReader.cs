using System.Diagnostics.CodeAnalysis;
using Worldloom.Realms.Core.Wire;

namespace Worldloom.Realms.Core.Snapshots;

/// <summary>
/// Reads what <see cref="BitWriter"/> wrote. Like the frame reader it keeps the first fault and returns zeros after
/// it, so a decoder reads straight through and checks <see cref="Error"/> at its decision points; bad bytes never throw.
/// </summary>
public ref struct BitReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private long _position;

    /// <summary>Reads <paramref name="bytes"/> from the first bit.</summary>
    public BitReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _position = 0;
        Error = null;
    }

    /// <summary>The first fault, or null.</summary>
    public WireError? Error { get; private set; }

    /// <summary>Whether a fault was met.</summary>
    public readonly bool Failed => Error is not null;

    /// <summary>Bits not read yet.</summary>
    public readonly long Remaining => (8L * _bytes.Length) - _position;

    /// <summary>Reads <paramref name="bits"/> (0..32) bits as an unsigned number.</summary>
    public uint Read(int bits, string field)
    {
        if (Error is not null)
        {
            return 0;
        }

        if (Remaining < bits)
        {
            Fail("truncated", field, $"{field}: the payload ends {bits - Remaining} bit(s) short");
            return 0;
        }

        ulong value = 0;
        var got = 0;
        while (got < bits)
        {
            var bit = (int)(_position & 7);
            var take = Math.Min(8 - bit, bits - got);
            var chunk = (ulong)((_bytes[(int)(_position >> 3)] >> bit) & ((1 << take) - 1));
            value |= chunk << got;
            got += take;
            _position += take;
        }

        return (uint)value;
    }

    /// <summary>Reads one bit.</summary>
    public bool ReadBool(string field) => Read(1, field) != 0;

    /// <summary>Reads a <see cref="BitWriter.WriteVarUInt"/> number, refusing one longer than 32 bits or with a
    /// redundant last group (so every number has exactly one encoding).</summary>
    public uint ReadVarUInt(string field)
    {
        uint value = 0;
        for (var group = 0; group < 8; group++)
        {
            var bits = Read(5, field);
            if (Error is not null)
            {
                return 0;
            }

            var nibble = bits >> 1;
            value |= nibble << (4 * group);
            if ((bits & 1) == 0)
            {
                if (nibble == 0 && group > 0)
                {
                    Fail("bad_number", field, $"{field}: a number has a redundant last group");
                    return 0;
                }

                return value;
            }
        }

        Fail("bad_number", field, $"{field}: a number runs past 32 bits");
        return 0;
    }

    /// <summary>Reads a <see cref="BitWriter.WriteVarInt"/> number.</summary>
    public int ReadVarInt(string field)
    {
        var zigzag = ReadVarUInt(field);
        return (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
    }

    /// <summary>Records a value fault found by the caller.</summary>
    public void OutOfRange(string field, string expected, long got) =>
        Fail("out_of_range", field, $"{field} must be {expected}; got {got}");

    /// <summary>Records a fault found by the caller.</summary>
    public void Fail(string code, string field, string message) => Error ??= new WireError(code, field, message);

    /// <summary>Whether everything was read without fault and only the zero padding of the last byte is left.</summary>
    public readonly bool Finish([NotNullWhen(false)] out WireError? error)
    {
        error = Error;
        if (error is null && (Remaining >= 8 || (Remaining > 0 && _bytes[^1] >> (int)(8 - Remaining) != 0)))
        {
            error = new WireError("trailing_bytes", "payload", $"payload: {Remaining} bit(s) after the last field");
        }

        return error is null;
    }
}
