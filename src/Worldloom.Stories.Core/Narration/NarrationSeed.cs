using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// The narrator's random stream: ChaCha20 keyed by SHA-256 of a domain tag, the seed, the segment and the prompt, so
/// the same request gives the same plan on every machine, and a new segment or prompt draws fresh numbers.
/// </summary>
public static class NarrationSeed
{
    private static readonly byte[] Domain = "worldloom/stories/narrator/v1"u8.ToArray();

    /// <summary>The stream for <paramref name="request"/>.</summary>
    public static ChaChaRng For(NarrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = Encoding.UTF8.GetBytes(request.Prompt);
        var material = new byte[Domain.Length + 8 + 4 + 4 + prompt.Length];
        var span = material.AsSpan();
        Domain.CopyTo(span);
        span = span[Domain.Length..];
        BinaryPrimitives.WriteUInt64LittleEndian(span, request.Seed);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], request.Segment);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], prompt.Length);
        prompt.CopyTo(span[16..]);
        return new ChaChaRng(SHA256.HashData(material));
    }
}
