using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Chat.Crypto;

/// <summary>
/// The number two people compare (in person, or over another channel) to check that the server handed them each
/// other's real device keys: 60 digits from SHA-256 of both Ed25519 public keys, the same whichever side computes it.
/// </summary>
public static class SafetyNumber
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("worldloom-chat-safety-v1");

    /// <summary>
    /// <c>SHA-256("worldloom-chat-safety-v1" ‖ smaller key ‖ larger key)</c> (keys ordered bytewise), its first 30 bytes
    /// read as ten 3-byte big-endian numbers, each modulo 100,000 as five digits, groups joined by spaces.
    /// </summary>
    public static string Of(ReadOnlySpan<byte> ed25519A, ReadOnlySpan<byte> ed25519B)
    {
        if (ed25519A.Length != DeviceKeys.KeyLength || ed25519B.Length != DeviceKeys.KeyLength)
        {
            throw new ArgumentException("Ed25519 public keys are 32 bytes.");
        }

        var a = ed25519A.ToArray();
        var b = ed25519B.ToArray();
        var digest = SHA256.HashData(a.AsSpan().SequenceCompareTo(b) <= 0 ? CryptoBytes.Concat(Domain, a, b) : CryptoBytes.Concat(Domain, b, a));
        var groups = new string[10];
        for (var i = 0; i < 10; i++)
        {
            var n = (digest[i * 3] << 16) | (digest[(i * 3) + 1] << 8) | digest[(i * 3) + 2];
            groups[i] = (n % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Join(' ', groups);
    }
}
