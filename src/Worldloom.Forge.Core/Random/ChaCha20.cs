using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Worldloom.Forge.Core.Random;

/// <summary>
/// The ChaCha20 block function of RFC 8439 (20 rounds, 32-bit block counter, 96-bit nonce), used as Forge's random
/// number generator, never as a cipher. Eight blocks are computed at once in the lanes of 256-bit vectors where the
/// hardware has them (four with 128-bit vectors), each lane one block with its own counter; the output is identical
/// to the scalar function and to the keystream of .NET's ChaCha20Poly1305 (OpenSSL), which the tests check.
/// </summary>
public static class ChaCha20
{
    /// <summary>Bytes per block.</summary>
    public const int BlockSize = 64;

    private const uint C0 = 0x61707865, C1 = 0x3320646e, C2 = 0x79622d32, C3 = 0x6b206574;

    /// <summary>
    /// The widest vectors <see cref="Blocks"/> uses on this machine: 256 (eight blocks at once), 128 (four) or 0 (one
    /// block at a time, scalar). Reported by <c>loom bench forge</c>; the output is the same on every path.
    /// </summary>
    public static int VectorBits => Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    /// <summary>
    /// Writes <c>destination.Length / 64</c> consecutive keystream blocks starting at <paramref name="counter"/>.
    /// <paramref name="key"/> is 8 little-endian words, <paramref name="nonce"/> 3.
    /// </summary>
    public static void Blocks(ReadOnlySpan<uint> key, ReadOnlySpan<uint> nonce, uint counter, Span<byte> destination)
    {
        if (key.Length != 8 || nonce.Length != 3)
        {
            throw new ArgumentException("ChaCha20 takes an 8-word key and a 3-word nonce.");
        }

        if (destination.Length % BlockSize != 0)
        {
            throw new ArgumentException("The destination must hold whole 64-byte blocks.", nameof(destination));
        }

        var blocks = destination.Length / BlockSize;
        var done = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; blocks - done >= 8; done += 8)
            {
                Eight(key, nonce, counter + (uint)done, destination.Slice(done * BlockSize, 8 * BlockSize));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; blocks - done >= 4; done += 4)
            {
                Four(key, nonce, counter + (uint)done, destination.Slice(done * BlockSize, 4 * BlockSize));
            }
        }

        for (; done < blocks; done++)
        {
            One(key, nonce, counter + (uint)done, destination.Slice(done * BlockSize, BlockSize));
        }
    }

    /// <summary>The scalar block function, exactly as RFC 8439 section 2.3 writes it.</summary>
    public static void One(ReadOnlySpan<uint> key, ReadOnlySpan<uint> nonce, uint counter, Span<byte> block)
    {
        Span<uint> x = stackalloc uint[16];
        Span<uint> initial = stackalloc uint[16];
        Initial(key, nonce, counter, initial);
        initial.CopyTo(x);
        for (var i = 0; i < 10; i++)
        {
            Quarter(ref x[0], ref x[4], ref x[8], ref x[12]);
            Quarter(ref x[1], ref x[5], ref x[9], ref x[13]);
            Quarter(ref x[2], ref x[6], ref x[10], ref x[14]);
            Quarter(ref x[3], ref x[7], ref x[11], ref x[15]);
            Quarter(ref x[0], ref x[5], ref x[10], ref x[15]);
            Quarter(ref x[1], ref x[6], ref x[11], ref x[12]);
            Quarter(ref x[2], ref x[7], ref x[8], ref x[13]);
            Quarter(ref x[3], ref x[4], ref x[9], ref x[14]);
        }

        for (var i = 0; i < 16; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block[(i * 4)..], x[i] + initial[i]);
        }
    }

    private static void Initial(ReadOnlySpan<uint> key, ReadOnlySpan<uint> nonce, uint counter, Span<uint> s)
    {
        s[0] = C0;
        s[1] = C1;
        s[2] = C2;
        s[3] = C3;
        key.CopyTo(s[4..12]);
        s[12] = counter;
        nonce.CopyTo(s[13..16]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarter(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        a += b; d = BitOperations.RotateLeft(d ^ a, 16);
        c += d; b = BitOperations.RotateLeft(b ^ c, 12);
        a += b; d = BitOperations.RotateLeft(d ^ a, 8);
        c += d; b = BitOperations.RotateLeft(b ^ c, 7);
    }

    // Eight blocks: vector i holds state word i of blocks 0..7; only the counter word differs between lanes.
    private static void Eight(ReadOnlySpan<uint> key, ReadOnlySpan<uint> nonce, uint counter, Span<byte> output)
    {
        Span<uint> initial = stackalloc uint[16];
        Initial(key, nonce, counter, initial);
        Span<Vector256<uint>> s = stackalloc Vector256<uint>[16];
        for (var i = 0; i < 16; i++)
        {
            s[i] = Vector256.Create(initial[i]);
        }

        s[12] += Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);
        var x0 = s[0]; var x1 = s[1]; var x2 = s[2]; var x3 = s[3];
        var x4 = s[4]; var x5 = s[5]; var x6 = s[6]; var x7 = s[7];
        var x8 = s[8]; var x9 = s[9]; var x10 = s[10]; var x11 = s[11];
        var x12 = s[12]; var x13 = s[13]; var x14 = s[14]; var x15 = s[15];
        for (var i = 0; i < 10; i++)
        {
            Quarter256(ref x0, ref x4, ref x8, ref x12);
            Quarter256(ref x1, ref x5, ref x9, ref x13);
            Quarter256(ref x2, ref x6, ref x10, ref x14);
            Quarter256(ref x3, ref x7, ref x11, ref x15);
            Quarter256(ref x0, ref x5, ref x10, ref x15);
            Quarter256(ref x1, ref x6, ref x11, ref x12);
            Quarter256(ref x2, ref x7, ref x8, ref x13);
            Quarter256(ref x3, ref x4, ref x9, ref x14);
        }

        x0 += s[0]; x1 += s[1]; x2 += s[2]; x3 += s[3];
        x4 += s[4]; x5 += s[5]; x6 += s[6]; x7 += s[7];
        x8 += s[8]; x9 += s[9]; x10 += s[10]; x11 += s[11];
        x12 += s[12]; x13 += s[13]; x14 += s[14]; x15 += s[15];
        if (Avx2.IsSupported)
        {
            // x86 is little-endian, so a vector of words stored as is gives the block's bytes.
            StoreHalfBlocks(x0, x1, x2, x3, x4, x5, x6, x7, output);
            StoreHalfBlocks(x8, x9, x10, x11, x12, x13, x14, x15, output[32..]);
            return;
        }

        Span<Vector256<uint>> r = [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15];
        for (var word = 0; word < 16; word++)
        {
            var v = r[word];
            for (var lane = 0; lane < 8; lane++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output[((lane * BlockSize) + (word * 4))..], v.GetElement(lane));
            }
        }
    }

    // Eight vectors holding one word each of eight blocks become eight vectors holding eight consecutive words of one
    // block (an 8×8 transpose: interleave words, then word pairs, then 128-bit halves), stored at lane * 64. Writing
    // each word on its own instead costs 128 element extractions per eight blocks, about a third of the function's time
    // (docs/benchmarks.md, "What changed in ChaCha20").
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreHalfBlocks(
        Vector256<uint> w0, Vector256<uint> w1, Vector256<uint> w2, Vector256<uint> w3,
        Vector256<uint> w4, Vector256<uint> w5, Vector256<uint> w6, Vector256<uint> w7, Span<byte> output)
    {
        var t0 = Avx2.UnpackLow(w0, w1).AsUInt64();
        var t1 = Avx2.UnpackHigh(w0, w1).AsUInt64();
        var t2 = Avx2.UnpackLow(w2, w3).AsUInt64();
        var t3 = Avx2.UnpackHigh(w2, w3).AsUInt64();
        var t4 = Avx2.UnpackLow(w4, w5).AsUInt64();
        var t5 = Avx2.UnpackHigh(w4, w5).AsUInt64();
        var t6 = Avx2.UnpackLow(w6, w7).AsUInt64();
        var t7 = Avx2.UnpackHigh(w6, w7).AsUInt64();

        // u0 holds words 0-3 of blocks 0 (low half) and 4 (high half); u1 blocks 1 and 5, and so on.
        var u0 = Avx2.UnpackLow(t0, t2).AsUInt32();
        var u1 = Avx2.UnpackHigh(t0, t2).AsUInt32();
        var u2 = Avx2.UnpackLow(t1, t3).AsUInt32();
        var u3 = Avx2.UnpackHigh(t1, t3).AsUInt32();
        var u4 = Avx2.UnpackLow(t4, t6).AsUInt32();
        var u5 = Avx2.UnpackHigh(t4, t6).AsUInt32();
        var u6 = Avx2.UnpackLow(t5, t7).AsUInt32();
        var u7 = Avx2.UnpackHigh(t5, t7).AsUInt32();

        Avx2.Permute2x128(u0, u4, 0x20).AsByte().CopyTo(output[(0 * BlockSize)..]);
        Avx2.Permute2x128(u1, u5, 0x20).AsByte().CopyTo(output[(1 * BlockSize)..]);
        Avx2.Permute2x128(u2, u6, 0x20).AsByte().CopyTo(output[(2 * BlockSize)..]);
        Avx2.Permute2x128(u3, u7, 0x20).AsByte().CopyTo(output[(3 * BlockSize)..]);
        Avx2.Permute2x128(u0, u4, 0x31).AsByte().CopyTo(output[(4 * BlockSize)..]);
        Avx2.Permute2x128(u1, u5, 0x31).AsByte().CopyTo(output[(5 * BlockSize)..]);
        Avx2.Permute2x128(u2, u6, 0x31).AsByte().CopyTo(output[(6 * BlockSize)..]);
        Avx2.Permute2x128(u3, u7, 0x31).AsByte().CopyTo(output[(7 * BlockSize)..]);
    }

    private static void Four(ReadOnlySpan<uint> key, ReadOnlySpan<uint> nonce, uint counter, Span<byte> output)
    {
        Span<uint> initial = stackalloc uint[16];
        Initial(key, nonce, counter, initial);
        Span<Vector128<uint>> s = stackalloc Vector128<uint>[16];
        for (var i = 0; i < 16; i++)
        {
            s[i] = Vector128.Create(initial[i]);
        }

        s[12] += Vector128.Create(0u, 1, 2, 3);
        var x0 = s[0]; var x1 = s[1]; var x2 = s[2]; var x3 = s[3];
        var x4 = s[4]; var x5 = s[5]; var x6 = s[6]; var x7 = s[7];
        var x8 = s[8]; var x9 = s[9]; var x10 = s[10]; var x11 = s[11];
        var x12 = s[12]; var x13 = s[13]; var x14 = s[14]; var x15 = s[15];
        for (var i = 0; i < 10; i++)
        {
            Quarter128(ref x0, ref x4, ref x8, ref x12);
            Quarter128(ref x1, ref x5, ref x9, ref x13);
            Quarter128(ref x2, ref x6, ref x10, ref x14);
            Quarter128(ref x3, ref x7, ref x11, ref x15);
            Quarter128(ref x0, ref x5, ref x10, ref x15);
            Quarter128(ref x1, ref x6, ref x11, ref x12);
            Quarter128(ref x2, ref x7, ref x8, ref x13);
            Quarter128(ref x3, ref x4, ref x9, ref x14);
        }

        Span<Vector128<uint>> r = stackalloc Vector128<uint>[16];
        r[0] = x0 + s[0]; r[1] = x1 + s[1]; r[2] = x2 + s[2]; r[3] = x3 + s[3];
        r[4] = x4 + s[4]; r[5] = x5 + s[5]; r[6] = x6 + s[6]; r[7] = x7 + s[7];
        r[8] = x8 + s[8]; r[9] = x9 + s[9]; r[10] = x10 + s[10]; r[11] = x11 + s[11];
        r[12] = x12 + s[12]; r[13] = x13 + s[13]; r[14] = x14 + s[14]; r[15] = x15 + s[15];
        for (var word = 0; word < 16; word++)
        {
            var v = r[word];
            for (var lane = 0; lane < 4; lane++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output[((lane * BlockSize) + (word * 4))..], v.GetElement(lane));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarter256(ref Vector256<uint> a, ref Vector256<uint> b, ref Vector256<uint> c, ref Vector256<uint> d)
    {
        a += b; d = Rotate(d ^ a, 16);
        c += d; b = Rotate(b ^ c, 12);
        a += b; d = Rotate(d ^ a, 8);
        c += d; b = Rotate(b ^ c, 7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarter128(ref Vector128<uint> a, ref Vector128<uint> b, ref Vector128<uint> c, ref Vector128<uint> d)
    {
        a += b; d = Rotate(d ^ a, 16);
        c += d; b = Rotate(b ^ c, 12);
        a += b; d = Rotate(d ^ a, 8);
        c += d; b = Rotate(b ^ c, 7);
    }

    // AVX-512VL has a one-instruction rotate (vprold); elsewhere it takes two shifts and an or.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotate(Vector256<uint> v, [ConstantExpected] byte n) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(v, n) : Vector256.ShiftLeft(v, n) | Vector256.ShiftRightLogical(v, 32 - n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Rotate(Vector128<uint> v, int n) =>
        Vector128.ShiftLeft(v, n) | Vector128.ShiftRightLogical(v, 32 - n);
}
