using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Core.Canonical;

/// <summary>
/// Writes JSON in the canonical form of RFC 8785 (JCS), restricted to what worlds need: objects, arrays, strings,
/// integers within ±(2^53 − 1), true, false and null; never a fraction. Output is UTF-8 with no whitespace. The
/// caller writes object keys already in JCS order (ordinal UTF-16 code units, <see cref="KeyComparer"/>) and the
/// writer checks it, so a wrong order or a duplicate key fails loudly instead of silently changing a hash; writing in
/// order also means a 300 MB world streams out without a sorting buffer. Escaping is done here, byte by byte, exactly as
/// JCS prescribes, so it cannot drift with a System.Text.Json encoder change.
/// </summary>
public sealed class CanonicalJsonWriter
{
    /// <summary>The largest magnitude an integer may have: beyond it an IEEE double (which JCS numbers are) is inexact.</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    private readonly IBufferWriter<byte> _output;
    private readonly List<Frame> _frames = [];
    private bool _done;

    /// <summary>A writer into <paramref name="output"/>.</summary>
    public CanonicalJsonWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>The JCS order of object keys: ordinal comparison of UTF-16 code units.</summary>
    public static StringComparer KeyComparer => StringComparer.Ordinal;

    /// <summary>Whether one complete value has been written.</summary>
    public bool IsComplete => _done;

    /// <summary>Opens an object.</summary>
    public void StartObject()
    {
        BeforeValue();
        WriteByte((byte)'{');
        _frames.Add(new Frame(isObject: true));
    }

    /// <summary>Closes the innermost object.</summary>
    public void EndObject()
    {
        var frame = Current("EndObject");
        if (!frame.IsObject || frame.AwaitingValue)
        {
            throw new InvalidOperationException(frame.IsObject ? "A key has no value." : "EndObject inside an array.");
        }

        _frames.RemoveAt(_frames.Count - 1);
        WriteByte((byte)'}');
        AfterValue();
    }

    /// <summary>Opens an array.</summary>
    public void StartArray()
    {
        BeforeValue();
        WriteByte((byte)'[');
        _frames.Add(new Frame(isObject: false));
    }

    /// <summary>Closes the innermost array.</summary>
    public void EndArray()
    {
        var frame = Current("EndArray");
        if (frame.IsObject)
        {
            throw new InvalidOperationException("EndArray inside an object.");
        }

        _frames.RemoveAt(_frames.Count - 1);
        WriteByte((byte)']');
        AfterValue();
    }

    /// <summary>
    /// Writes an object key. Throws <see cref="InvalidOperationException"/> when it does not sort strictly after the
    /// previous key of the same object (a wrong order or a duplicate).
    /// </summary>
    public void Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var frame = Current("Name");
        if (!frame.IsObject || frame.AwaitingValue)
        {
            throw new InvalidOperationException(frame.IsObject ? "Two keys in a row." : "A key inside an array.");
        }

        if (frame.LastKey is not null && KeyComparer.Compare(frame.LastKey, name) >= 0)
        {
            throw new InvalidOperationException($"Key \"{name}\" does not sort after \"{frame.LastKey}\"; canonical JSON needs keys in ordinal order, each once.");
        }

        if (frame.Count > 0)
        {
            WriteByte((byte)',');
        }

        WriteQuoted(name);
        WriteByte((byte)':');
        frame.LastKey = name;
        frame.AwaitingValue = true;
    }

    /// <summary>Writes a string value.</summary>
    public void String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        BeforeValue();
        WriteQuoted(value);
        AfterValue();
    }

    /// <summary>Writes an integer; throws when it is beyond ±<see cref="MaxSafeInteger"/>.</summary>
    public void Integer(long value)
    {
        if (value is > MaxSafeInteger or < -MaxSafeInteger)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Canonical JSON integers stay within ±(2^53 − 1).");
        }

        BeforeValue();
        Span<byte> digits = stackalloc byte[24];
        // Invariant formatting of a long is plain ASCII digits with an optional '-', exactly as JCS writes integers.
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        WriteRaw(digits[..length]);
        AfterValue();
    }

    /// <summary>Writes true or false.</summary>
    public void Boolean(bool value)
    {
        BeforeValue();
        WriteRaw(value ? "true"u8 : "false"u8);
        AfterValue();
    }

    /// <summary>Writes null.</summary>
    public void Null()
    {
        BeforeValue();
        WriteRaw("null"u8);
        AfterValue();
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> as a standard base64 string (RFC 4648 §4, with padding). The alphabet needs no
    /// escaping, so it goes straight into the output without an intermediate string.
    /// </summary>
    public void Base64String(ReadOnlySpan<byte> bytes)
    {
        BeforeValue();
        WriteByte((byte)'"');
        const int Chunk = 3 * 16384;
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(Chunk, bytes.Length);
            var encoded = Base64.GetMaxEncodedToUtf8Length(take);
            var span = _output.GetSpan(encoded);
            Base64.EncodeToUtf8(bytes[..take], span, out _, out var written, isFinalBlock: take == bytes.Length);
            _output.Advance(written);
            bytes = bytes[take..];
        }

        WriteByte((byte)'"');
        AfterValue();
    }

    /// <summary>The canonical bytes of <paramref name="value"/> as one JSON string, quotes included.</summary>
    public static byte[] QuotedString(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new CanonicalJsonWriter(buffer);
        writer.String(value);
        return buffer.WrittenSpan.ToArray();
    }

    private Frame Current(string operation) =>
        _frames.Count > 0 ? _frames[^1] : throw new InvalidOperationException($"{operation} outside any object or array.");

    private void BeforeValue()
    {
        if (_done)
        {
            throw new InvalidOperationException("A canonical JSON text holds one value.");
        }

        if (_frames.Count == 0)
        {
            return;
        }

        var frame = _frames[^1];
        if (frame.IsObject)
        {
            if (!frame.AwaitingValue)
            {
                throw new InvalidOperationException("An object value needs a key first.");
            }
        }
        else if (frame.Count > 0)
        {
            WriteByte((byte)',');
        }
    }

    private void AfterValue()
    {
        if (_frames.Count == 0)
        {
            _done = true;
            return;
        }

        var frame = _frames[^1];
        frame.Count++;
        frame.AwaitingValue = false;
    }

    // RFC 8785 §3.2.2.2: escape only '"', '\\' and U+0000–U+001F; the five with short forms (\b \f \n \r \t) use them,
    // the rest \u00xx in lower-case hex. Everything else, '/', DEL, U+2028 and all non-ASCII included, is literal UTF-8.
    private void WriteQuoted(string value)
    {
        WriteByte((byte)'"');
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c < 0x80)
            {
                WriteAscii(c);
                i++;
                continue;
            }

            int codePoint;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    throw new ArgumentException($"Unpaired surrogate at index {i}: canonical JSON strings must be valid Unicode.", nameof(value));
                }

                codePoint = char.ConvertToUtf32(c, value[i + 1]);
                i += 2;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw new ArgumentException($"Unpaired surrogate at index {i}: canonical JSON strings must be valid Unicode.", nameof(value));
            }
            else
            {
                codePoint = c;
                i++;
            }

            var length = new Rune(codePoint).EncodeToUtf8(utf8);
            WriteRaw(utf8[..length]);
        }

        WriteByte((byte)'"');
    }

    private void WriteAscii(char c)
    {
        switch (c)
        {
            case '"':
                WriteRaw("\\\""u8);
                return;
            case '\\':
                WriteRaw("\\\\"u8);
                return;
            case '\b':
                WriteRaw("\\b"u8);
                return;
            case '\f':
                WriteRaw("\\f"u8);
                return;
            case '\n':
                WriteRaw("\\n"u8);
                return;
            case '\r':
                WriteRaw("\\r"u8);
                return;
            case '\t':
                WriteRaw("\\t"u8);
                return;
        }

        if (c < 0x20)
        {
            ReadOnlySpan<byte> escape = [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', HexDigits[c >> 4], HexDigits[c & 0xF]];
            WriteRaw(escape);
            return;
        }

        WriteByte((byte)c);
    }

    private void WriteByte(byte value)
    {
        var span = _output.GetSpan(1);
        span[0] = value;
        _output.Advance(1);
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        var span = _output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        _output.Advance(bytes.Length);
    }

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;

        public int Count { get; set; }

        public bool AwaitingValue { get; set; }

        public string? LastKey { get; set; }
    }
}
