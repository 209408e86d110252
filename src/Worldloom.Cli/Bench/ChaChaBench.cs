using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Cli.Bench;

/// <summary>
/// ChaCha20 throughput in the same run as its peer: our <see cref="ChaCha20.Blocks"/> against OpenSSL's keystream
/// through .NET's <see cref="ChaCha20Poly1305"/> encrypting zeros (its ciphertext is the keystream from block counter
/// 1), over the same bytes in the same chunk size; and <see cref="ChaChaRng.NextUInt32"/>, which the stages draw from.
/// </summary>
internal static class ChaChaBench
{
    /// <summary>
    /// Bytes per call. OpenSSL also computes a Poly1305 tag over each chunk, so its figure is a lower bound on its
    /// keystream speed; 1 MiB chunks keep the per-call overhead (context setup, the tag's final block) negligible.
    /// </summary>
    public const int ChunkBytes = 1 << 20;

    private const int BlocksPerChunk = ChunkBytes / ChaCha20.BlockSize;
    private const double GiB = 1024.0 * 1024 * 1024;

    /// <summary>Measures <paramref name="runs"/> times over <paramref name="mib"/> MiB, alternating ours and OpenSSL's so both see the same noise.</summary>
    public static ChaChaResult Measure(int mib, int runs, Action<double, string> progress)
    {
        var keyBytes = SHA256.HashData("worldloom/bench/chacha20"u8);
        var nonceBytes = new byte[12];
        var key = Words(keyBytes);
        var buffer = new byte[ChunkBytes];
        var cipher = new byte[ChunkBytes];
        var zeros = new byte[ChunkBytes];
        var tag = new byte[16];
        using var aead = new ChaCha20Poly1305(keyBytes);

        // Warm-up: tiered JIT promotes the block function to optimized code only after it has been running a while.
        var warm = Math.Min(mib, 8);
        var warmupStart = Stopwatch.GetTimestamp();
        do
        {
            Ours(key, nonceBytes, warm, buffer);
            OpenSsl(aead, nonceBytes, warm, zeros, cipher, tag);
            Rng(keyBytes, warm);
        }
        while (Stopwatch.GetElapsedTime(warmupStart) < ForgeBench.MinWarmup);

        // The same key and nonce must give the same bytes: AEAD ciphertext of zeros is the keystream from counter 1.
        ChaCha20.Blocks(key, Words(nonceBytes), 1, buffer);
        aead.Encrypt(nonceBytes, zeros, cipher, tag);
        var matches = buffer.AsSpan().SequenceEqual(cipher);

        var ours = new List<double>();
        var openSsl = new List<double>();
        var rng = new List<double>();
        var bytes = (double)mib * ChunkBytes;
        for (var run = 0; run < runs; run++)
        {
            ours.Add(bytes / GiB / Ours(key, nonceBytes, mib, buffer));
            openSsl.Add(bytes / GiB / OpenSsl(aead, nonceBytes, mib, zeros, cipher, tag));
            rng.Add(bytes / 4 / 1e6 / Rng(keyBytes, mib));
            progress(1, $"chacha20 run {run + 1}/{runs}: ours {ours[^1]:0.00} GiB/s, OpenSSL {openSsl[^1]:0.00} GiB/s, ChaChaRng {rng[^1]:0} M values/s");
        }

        return new ChaChaResult(ChaCha20.VectorBits, ours, openSsl, rng, matches, OpenSslVersion());
    }

    private static double Ours(uint[] key, byte[] nonceBytes, int chunks, byte[] buffer)
    {
        var nonce = Words(nonceBytes);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < chunks; i++)
        {
            ChaCha20.Blocks(key, nonce, 1 + (uint)(i * BlocksPerChunk), buffer);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // A fresh nonce per chunk: one AEAD call restarts at counter 1, so the same nonce would repeat the keystream.
    private static double OpenSsl(ChaCha20Poly1305 aead, byte[] nonceBytes, int chunks, byte[] zeros, byte[] cipher, byte[] tag)
    {
        var nonce = (byte[])nonceBytes.Clone();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < chunks; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(nonce, i);
            aead.Encrypt(nonce, zeros, cipher, tag);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Rng(byte[] keyBytes, int mib)
    {
        var rng = new ChaChaRng(keyBytes);
        var values = (long)mib * ChunkBytes / 4;
        var sink = 0u;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0L; i < values; i++)
        {
            sink ^= rng.NextUInt32();
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        GC.KeepAlive(sink);
        return seconds;
    }

    private static uint[] Words(ReadOnlySpan<byte> bytes)
    {
        var words = new uint[bytes.Length / 4];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return words;
    }

    // OpenSSL 3 packs its version as 0xMNN00PP0: major, minor, patch.
    private static string? OpenSslVersion()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var v = SafeEvpPKeyHandle.OpenSslVersion;
            return v >= 0x30000000 ? $"{v >> 28}.{(v >> 20) & 0xff}.{(v >> 4) & 0xff}" : $"0x{v:x}";
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
