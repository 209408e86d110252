using System.Buffers;

namespace Worldloom.Chat.Files;

/// <summary>
/// What an upload must look like: a plain file name, and the chunk arithmetic the clients follow (their
/// <c>ChunkLayout</c>): every chunk holds <see cref="FileCreate.ChunkSize"/> plaintext bytes but the last, and is
/// stored sealed, <see cref="ChunkOverhead"/> bytes longer.
/// </summary>
public static class ChatFileRules
{
    /// <summary>Longest file name, in UTF-16 units.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Longest declared media type.</summary>
    public const int MaxContentTypeLength = 127;

    /// <summary>Smallest chunk (64 KiB): smaller ones only multiply requests.</summary>
    public const int MinChunkSize = 64 * 1024;

    /// <summary>Largest chunk (8 MiB): one chunk is one request body and one client buffer.</summary>
    public const int MaxChunkSize = 8 * 1024 * 1024;

    /// <summary>Bytes a sealed chunk adds to its plaintext: the 16-byte AES-GCM tag.</summary>
    public const int ChunkOverhead = 16;

    // Windows forbids these in names; a file shared in chat should save anywhere under the name it was shared with.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("/\\:*?\"<>|");

    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>Why <paramref name="name"/> is not a plain file name, or null when it is.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "is required.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"must be at most {MaxNameLength} characters.";
        }

        if (name.AsSpan().ContainsAny(Forbidden))
        {
            return "must be a plain file name: no path separators or any of : * ? \" < > |.";
        }

        if (name.Contains("..", StringComparison.Ordinal) || name == ".")
        {
            return "must not contain '..' or be '.'.";
        }

        foreach (var c in name)
        {
            // Bidirectional overrides can make "txt.exe" display as "exe.txt".
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F')
            {
                return "must not contain control or bidirectional-override characters.";
            }
        }

        if (name[^1] is '.' or ' ' || char.IsWhiteSpace(name[0]))
        {
            return "must not start with whitespace or end with a dot or space.";
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        if (DeviceNames.Contains(stem))
        {
            return "is a reserved device name.";
        }

        return null;
    }

    /// <summary>The number of chunks: <c>ceil(size / chunkSize)</c>.</summary>
    public static long Chunks(long size, int chunkSize) => (size + chunkSize - 1) / chunkSize;

    /// <summary>The exact sealed length of chunk <paramref name="index"/>.</summary>
    public static long SealedLength(ChatFile file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        var plain = index < file.Chunks - 1 ? file.ChunkSize : file.Size - ((long)file.ChunkSize * (file.Chunks - 1));
        return plain + ChunkOverhead;
    }
}
