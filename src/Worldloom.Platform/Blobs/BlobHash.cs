namespace Worldloom.Platform.Blobs;

/// <summary>
/// The one place that decides what a blob hash looks like. Stores build file paths and object keys from hashes, so
/// only exactly 64 lowercase hex characters pass: no separator, dot or other character can reach a path.
/// </summary>
public static class BlobHash
{
    /// <summary>Hex characters in a SHA-256.</summary>
    public const int Length = 64;

    /// <summary>Whether <paramref name="value"/> is a well-formed hash: 64 characters of <c>0-9a-f</c>.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is a well-formed hash.</summary>
    public static void Validate(string? value, string parameterName = "sha256")
    {
        if (!IsValid(value))
        {
            throw new ArgumentException("A blob hash is 64 lowercase hexadecimal characters.", parameterName);
        }
    }
}
