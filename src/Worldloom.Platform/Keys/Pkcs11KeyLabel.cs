using System.Globalization;

namespace Worldloom.Platform.Keys;

/// <summary>
/// What <see cref="Pkcs11KeyStore"/> writes into CKA_LABEL: <c>loom 3 2026-01-07T10:00:00.000Z</c>, a sequence number and
/// the creation time. The sequence, not the time, orders keys, so two rotations within one clock tick (or a clock set
/// back) still list oldest first. Short enough for tokens that cap labels at 40 characters (YubiHSM 2).
/// </summary>
internal readonly record struct Pkcs11KeyLabel(int Sequence, DateTimeOffset CreatedAt)
{
    private const string Prefix = "loom ";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Reads a label this store wrote; false for any other object's label, so foreign keys on a shared token are left alone.</summary>
    public static bool TryParse(string? label, out Pkcs11KeyLabel parsed)
    {
        parsed = default;
        if (label is null || !label.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = label[Prefix.Length..].Split(' ');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTimeOffset.TryParseExact(parts[1], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var createdAt))
        {
            return false;
        }

        parsed = new Pkcs11KeyLabel(sequence, createdAt.ToUniversalTime());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Prefix + Sequence.ToString(CultureInfo.InvariantCulture) + " " + CreatedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
