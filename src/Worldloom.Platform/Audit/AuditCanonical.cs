using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Worldloom.Platform.Audit;

/// <summary>The canonical byte form of an audit entry and its hash: sorted keys, no whitespace, times as Unix milliseconds.</summary>
public static class AuditCanonical
{
    /// <summary>The <see cref="AuditEntry.PrevHash"/> of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Canonical JSON of every field that the hash covers (all but hash, key id and signature).</summary>
    public static byte[] Bytes(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("action", entry.Action);
            json.WriteString("actor", entry.Actor);
            json.WriteNumber("at", entry.At.ToUnixTimeMilliseconds());
            json.WriteString("details", entry.Details);
            json.WriteString("ip", entry.Ip);
            json.WriteString("prevHash", entry.PrevHash);
            json.WriteNumber("seq", entry.Seq);
            json.WriteString("target", entry.Target);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>.</summary>
    public static string Hash(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Bytes(entry)));

    /// <summary>Canonical JSON for a details map: keys sorted ordinally, values as strings.</summary>
    public static string Details(IReadOnlyDictionary<string, string>? details)
    {
        if (details is null || details.Count == 0)
        {
            return "{}";
        }

        var builder = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            builder.Append(first ? "" : ",").Append(JsonSerializer.Serialize(key)).Append(':').Append(JsonSerializer.Serialize(value));
            first = false;
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Hex hash to bytes, the message the signature covers.</summary>
    public static byte[] HashBytes(string hash) => Convert.FromHexString(hash);

    /// <summary>Truncates a time to the millisecond precision the chain stores.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
