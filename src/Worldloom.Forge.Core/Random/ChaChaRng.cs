using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Forge.Core.Random;

/// <summary>
/// A deterministic random stream: the ChaCha20 keystream under a 256-bit key, read as little-endian integers.
/// Every pipeline stage gets its own stream keyed by SHA-256 of the domain, the seed and the stage name, so changing
/// how many numbers one stage draws never shifts another stage's numbers.
/// </summary>
public sealed class ChaChaRng
{
    private const int BufferBlocks = 8;
    private static readonly byte[] Domain = "worldloom/forge/v1"u8.ToArray();

    private readonly uint[] _key = new uint[8];
    private readonly uint[] _nonce = new uint[3];
    private readonly byte[] _buffer = new byte[BufferBlocks * ChaCha20.BlockSize];
    private int _position;
    private uint _counter;

    /// <summary>A stream under a 32-byte key.</summary>
    public ChaChaRng(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The key must be 32 bytes.", nameof(key));
        }

        for (var i = 0; i < 8; i++)
        {
            _key[i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(i * 4)..]);
        }

        _position = _buffer.Length;
    }

    /// <summary>The stream of one stage: key = SHA-256("worldloom/forge/v1" ‖ len ‖ seed ‖ len ‖ stage), lengths as u32 LE.</summary>
    public static ChaChaRng ForStage(ReadOnlySpan<byte> seed, string stage)
    {
        var stageBytes = Encoding.UTF8.GetBytes(stage);
        var material = new byte[Domain.Length + 4 + seed.Length + 4 + stageBytes.Length];
        var span = material.AsSpan();
        Domain.CopyTo(span);
        span = span[Domain.Length..];
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)seed.Length);
        seed.CopyTo(span[4..]);
        span = span[(4 + seed.Length)..];
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)stageBytes.Length);
        stageBytes.CopyTo(span[4..]);
        return new ChaChaRng(SHA256.HashData(material));
    }

    /// <summary>Next 32 random bits.</summary>
    public uint NextUInt32()
    {
        if (_position + 4 > _buffer.Length)
        {
            Refill();
        }

        var value = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_position));
        _position += 4;
        return value;
    }

    /// <summary>Next 64 random bits (low word first).</summary>
    public ulong NextUInt64() => NextUInt32() | ((ulong)NextUInt32() << 32);

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "Must be positive.");
        }

        var range = (uint)maxExclusive;
        var product = (ulong)NextUInt32() * range;
        var low = (uint)product;
        if (low < range)
        {
            var threshold = (0u - range) % range;
            while (low < threshold)
            {
                product = (ulong)NextUInt32() * range;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) =>
        maxExclusive > min ? min + NextInt(maxExclusive - min) : throw new ArgumentOutOfRangeException(nameof(maxExclusive), "Must exceed min.");

    /// <summary>A fair coin.</summary>
    public bool NextBool() => (NextUInt32() & 1) == 1;

    /// <summary>Fills <paramref name="destination"/> with keystream bytes.</summary>
    public void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position == _buffer.Length)
            {
                Refill();
            }

            var take = Math.Min(destination.Length, _buffer.Length - _position);
            _buffer.AsSpan(_position, take).CopyTo(destination);
            _position += take;
            destination = destination[take..];
        }
    }

    private void Refill()
    {
        // Whole blocks only: a partly read buffer's tail is dropped, so reads of mixed sizes stay reproducible.
        ChaCha20.Blocks(_key, _nonce, _counter, _buffer);
        var next = _counter + BufferBlocks;
        if (next < _counter)
        {
            // 2^32 blocks (256 GiB) later the counter wraps; move to the next nonce rather than repeat the stream.
            _nonce[0]++;
        }

        _counter = next;
        _position = 0;
    }
}
