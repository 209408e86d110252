using System.Buffers.Binary;
using System.Security.Cryptography;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Tests.Random;

public sealed class ChaCha20Tests
{
    [Fact]
    public void Rfc8439_A1_Vector1_ZeroKeyZeroNonce()
    {
        var block = new byte[64];

        ChaCha20.Blocks(new uint[8], new uint[3], 0, block);

        Assert.Equal(
            "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586",
            Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Rfc8439_Section232_BlockFunction()
    {
        var key = Words(Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        var nonce = Words(Convert.FromHexString("000000090000004a00000000"));
        var block = new byte[64];

        ChaCha20.One(key, nonce, 1, block);

        Assert.StartsWith("10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e", Convert.ToHexStringLower(block));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(40)]
    public void Keystream_MatchesOpenSslChaCha20Poly1305(int blocks)
    {
        Assert.True(ChaCha20Poly1305.IsSupported, "ChaCha20Poly1305 (OpenSSL) is needed to check the keystream");
        var key = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var zeros = new byte[blocks * 64];
        var cipher = new byte[zeros.Length];
        using (var aead = new ChaCha20Poly1305(key))
        {
            aead.Encrypt(nonce, zeros, cipher, new byte[16]);
        }

        var ours = new byte[zeros.Length];
        // RFC 8439's AEAD encrypts from block counter 1 (block 0 keys Poly1305), so ciphertext of zeros is our stream from 1.
        ChaCha20.Blocks(Words(key), Words(nonce), 1, ours);

        Assert.Equal(Convert.ToHexString(cipher), Convert.ToHexString(ours));
    }

    [Fact]
    public void VectorPaths_EqualScalarPath()
    {
        var key = Words(RandomNumberGenerator.GetBytes(32));
        var nonce = Words(RandomNumberGenerator.GetBytes(12));
        for (var blocks = 1; blocks <= 19; blocks++)
        {
            var many = new byte[blocks * 64];
            ChaCha20.Blocks(key, nonce, 7, many);
            for (var b = 0; b < blocks; b++)
            {
                var one = new byte[64];
                ChaCha20.One(key, nonce, 7 + (uint)b, one);
                Assert.Equal(Convert.ToHexString(one), Convert.ToHexString(many, b * 64, 64));
            }
        }
    }

    [Fact]
    public void Blocks_RejectsPartialBlocksAndBadKeys()
    {
        Assert.Throws<ArgumentException>(() => ChaCha20.Blocks(new uint[8], new uint[3], 0, new byte[65]));
        Assert.Throws<ArgumentException>(() => ChaCha20.Blocks(new uint[7], new uint[3], 0, new byte[64]));
    }

    private static uint[] Words(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length / 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4))).ToArray();
}
