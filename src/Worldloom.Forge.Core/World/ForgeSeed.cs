using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Core.World;

/// <summary>
/// A world seed: a 64-bit integer or any string, reduced to canonical bytes that key every stage's random stream.
/// A text that is exactly the canonical decimal form of a long (optional '-', no leading zeros, no '+', not "-0")
/// is the integer seed and its bytes are ASCII <c>"i:" + decimal</c>; any other text is a string seed with bytes
/// <c>"s:" + UTF-8(text)</c>. So <c>42</c> and the integer 42 are one seed, while <c>042</c> is a different, string seed.
/// Strings are not Unicode-normalised: .NET's <see cref="string.Normalize()"/> relies on ICU and does nothing under
/// InvariantGlobalization, which would make the bytes depend on runtime settings; callers that want NFC apply it.
/// </summary>
public sealed class ForgeSeed : IEquatable<ForgeSeed>
{
    /// <summary>Longest accepted string seed, in UTF-16 code units.</summary>
    public const int MaxLength = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _bytes;

    private ForgeSeed(string text, long? integer, byte[] bytes)
    {
        Text = text;
        Integer = integer;
        _bytes = bytes;
    }

    /// <summary>The seed as the user wrote it (the canonical decimal for integer seeds).</summary>
    public string Text { get; }

    /// <summary>The value of an integer seed; null for a string seed.</summary>
    public long? Integer { get; }

    /// <summary>The canonical bytes passed to <see cref="Random.ChaChaRng.ForStage"/>.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The integer seed <paramref name="value"/>.</summary>
    public static ForgeSeed FromInt64(long value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return new ForgeSeed(text, value, Encoding.ASCII.GetBytes("i:" + text));
    }

    /// <summary>
    /// The seed a user typed. Throws <see cref="ArgumentException"/> for text longer than <see cref="MaxLength"/> or
    /// with unpaired surrogates (which have no UTF-8 form, so two different texts would share bytes).
    /// </summary>
    public static ForgeSeed Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"A seed is at most {MaxLength} characters.", nameof(text));
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value.ToString(CultureInfo.InvariantCulture) == text)
        {
            return FromInt64(value);
        }

        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("A seed must be valid Unicode text (no unpaired surrogates).", nameof(text), e);
        }

        var bytes = new byte[2 + utf8.Length];
        bytes[0] = (byte)'s';
        bytes[1] = (byte)':';
        utf8.CopyTo(bytes, 2);
        return new ForgeSeed(text, null, bytes);
    }

    /// <inheritdoc />
    public bool Equals(ForgeSeed? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ForgeSeed);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
