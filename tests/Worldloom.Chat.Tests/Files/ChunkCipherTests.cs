using System.Text.Json;
using Worldloom.Chat.Client.Files;

namespace Worldloom.Chat.Tests.Files;

/// <summary>The C# chunk sealing against tests/vectors/chat-files.json, which the TypeScript tests read too.</summary>
public sealed class ChunkCipherTests
{
    public static TheoryData<string> Cases() => [.. Vectors().RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void SealAndOpen_SharedVector_MatchByteForByte(string name)
    {
        var c = Vectors().RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var secret = new FileSecret(Hex(c, "key"), Hex(c, "noncePrefix"));
        var plaintext = Hex(c, "plaintext");
        var size = c.GetProperty("size").GetInt64();
        var chunkSize = c.GetProperty("chunkSize").GetInt32();
        var chunks = ChunkLayout.Chunks(size, chunkSize);
        Assert.Equal(c.GetProperty("chunks").GetArrayLength(), chunks);

        var opened = new List<byte>();
        foreach (var v in c.GetProperty("chunks").EnumerateArray())
        {
            var index = v.GetProperty("index").GetInt32();
            var plain = plaintext.AsSpan(index * chunkSize, ChunkLayout.PlainLength(size, chunkSize, index));
            Assert.Equal(v.GetProperty("nonce").GetString(), Convert.ToHexStringLower(ChunkCipher.Nonce(secret, index)));
            Assert.Equal(v.GetProperty("aad").GetString(), Convert.ToHexStringLower(ChunkCipher.AssociatedData(secret, index, chunks)));
            Assert.Equal(v.GetProperty("sealed").GetString(), Convert.ToHexStringLower(ChunkCipher.Seal(secret, index, chunks, plain)));

            var sealedChunk = Hex(v, "sealed");
            var back = new byte[sealedChunk.Length - ChunkLayout.TagBytes];
            ChunkCipher.Open(secret, index, chunks, sealedChunk, back);
            opened.AddRange(back);
        }

        Assert.Equal(plaintext, opened.ToArray());
    }

    [Fact]
    public void Open_FlippedByteMovedChunkTruncatedFileOrOtherKey_ThrowsIntegrity()
    {
        var c = Vectors().RootElement.GetProperty("cases")[0];
        var secret = new FileSecret(Hex(c, "key"), Hex(c, "noncePrefix"));
        var second = Hex(c.GetProperty("chunks")[1], "sealed");
        var plain = new byte[second.Length - ChunkLayout.TagBytes];

        var flipped = (byte[])second.Clone();
        flipped[2] ^= 1;
        var e = Assert.Throws<FileIntegrityException>(() => ChunkCipher.Open(secret, 1, 3, flipped, plain));
        Assert.Equal(1, e.Chunk);
        Assert.Contains("failed authentication", e.Message, StringComparison.Ordinal);
        Assert.Throws<FileIntegrityException>(() => ChunkCipher.Open(secret, 0, 3, second, plain));
        Assert.Throws<FileIntegrityException>(() => ChunkCipher.Open(secret, 1, 2, second, plain));
        Assert.Throws<FileIntegrityException>(() => ChunkCipher.Open(FileSecret.Create(), 1, 3, second, plain));
    }

    [Fact]
    public void Descriptor_RoundTripsThroughJson_WithItsSecret()
    {
        var secret = FileSecret.Create();
        var (key, nonce) = FileDescriptor.Encode(secret);
        var file = new FileDescriptor(Guid.NewGuid(), Guid.NewGuid(), "map.png", 70_000, 65_536, 2, "image/png", key, nonce);

        var back = FileDescriptor.Parse(file.ToJson());

        Assert.Equal(file, back);
        Assert.Equal(secret.Key.ToArray(), back.Secret().Key.ToArray());
        Assert.Throws<FormatException>(() => (file with { Key = "short" }).Secret());
        Assert.Throws<FormatException>(() => FileDescriptor.Parse("[1]"));
    }

    private static JsonDocument Vectors() => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "chat-files.json")));

    private static byte[] Hex(JsonElement e, string property) => Convert.FromHexString(e.GetProperty(property).GetString()!);
}
