using System.Buffers.Binary;

namespace Worldloom.Chat.Crypto;

/// <summary>The byte encodings the C# and TypeScript clients must agree on exactly.</summary>
public static class CryptoBytes
{
    /// <summary>A Guid's 16 bytes in RFC 9562 order (the order of its hex text), not .NET's mixed-endian layout.</summary>
    public static byte[] Id(Guid id) => id.ToByteArray(bigEndian: true);

    /// <summary>The Guid from 16 bytes in RFC 9562 order.</summary>
    public static Guid Id(ReadOnlySpan<byte> bytes) => new(bytes, bigEndian: true);

    /// <summary>Writes <paramref name="value"/> as 4 bytes, big-endian.</summary>
    public static void UInt32(Span<byte> destination, int value) => BinaryPrimitives.WriteUInt32BigEndian(destination, checked((uint)value));

    /// <summary>Concatenates byte strings.</summary>
    public static byte[] Concat(params ReadOnlySpan<byte[]> parts)
    {
        var length = 0;
        foreach (var p in parts)
        {
            length += p.Length;
        }

        var result = new byte[length];
        var offset = 0;
        foreach (var p in parts)
        {
            p.CopyTo(result, offset);
            offset += p.Length;
        }

        return result;
    }

    /// <summary>Base64url without padding (RFC 4648 §5), the envelope's text form.</summary>
    public static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes base64url without padding; null when it is not exactly that (padding, '+', '/', whitespace).</summary>
    public static byte[]? FromBase64Url(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!(c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return null;
            }
        }

        if (text.Length % 4 == 1)
        {
            return null;
        }

        try
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
            // One text per byte string: unused trailing bits must be zero, or two texts would decode to the same bytes.
            return Base64Url(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Decodes standard base64 (with padding), as JSON carries keys and wraps; null when malformed.</summary>
    public static byte[]? FromBase64(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(text);
            return Convert.ToBase64String(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
