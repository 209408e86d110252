using System.Buffers.Binary;
using System.Security.Cryptography;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>
/// The zone's randomness: a fresh ChaCha stream per step or command (an "epoch"), keyed by SHA-256 of the seed and
/// the epoch number. A checkpoint then needs only the seed and the epoch count, never a stream's inner position, and
/// a restored zone draws exactly the numbers the original would have.
/// </summary>
internal sealed class ZoneRandom
{
    private static readonly byte[] Domain = "worldloom/realms/zone/v1"u8.ToArray();

    private readonly byte[] _seed;
    private ChaChaRng? _stream;

    public ZoneRandom(ReadOnlySpan<byte> seed, ulong epoch)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("The seed must be 32 bytes.", nameof(seed));
        }

        _seed = seed.ToArray();
        Epoch = epoch;
    }

    public ReadOnlySpan<byte> Seed => _seed;

    /// <summary>Streams opened so far.</summary>
    public ulong Epoch { get; private set; }

    /// <summary>The current stream, opened on first use after <see cref="Close"/>.</summary>
    public ChaChaRng Stream => _stream ??= Open(Epoch++);

    /// <summary>Ends the current stream; the next draw opens the next epoch's.</summary>
    public void Close() => _stream = null;

    /// <summary>A stream for a purpose outside the epochs (the zone's initial enemies).</summary>
    public ChaChaRng Named(string purpose) => ChaChaRng.ForStage(_seed, "realms/" + purpose);

    private ChaChaRng Open(ulong epoch)
    {
        Span<byte> material = stackalloc byte[64];
        Domain.CopyTo(material);
        _seed.CopyTo(material[Domain.Length..]);
        BinaryPrimitives.WriteUInt64LittleEndian(material[(Domain.Length + 32)..], epoch);
        Span<byte> key = stackalloc byte[32];
        SHA256.HashData(material[..(Domain.Length + 40)], key);
        return new ChaChaRng(key);
    }
}
