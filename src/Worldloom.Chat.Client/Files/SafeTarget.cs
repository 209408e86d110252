namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Where a received file may be written: always directly inside the chosen folder, under a name reduced to a plain file
/// name (whatever a server or sender put in it), and never over an existing file (<c>name (1).ext</c>, <c>name (2).ext</c> …).
/// </summary>
public static class SafeTarget
{
    private const int MaxTries = 1000;

    /// <summary>A plain file name from <paramref name="name"/>: separators, control and reserved characters become <c>_</c>; <c>.</c>, <c>..</c> and empty names become <c>download</c>.</summary>
    public static string FileName(string? name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var clean = string.Concat((name ?? "").Select(c =>
            c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) || invalid.Contains(c)
            || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069'
                ? '_'
                : c)).Trim().TrimEnd('.');
        if (clean.Length > 200)
        {
            clean = clean[..200];
        }

        return clean.Length == 0 || clean is "." or ".." || clean.All(c => c == '.') ? "download" : clean;
    }

    /// <summary>Creates a new file for <paramref name="name"/> inside <paramref name="folder"/>, numbering the name until it is free.</summary>
    /// <returns>The open stream (write-only, created new) and its full path.</returns>
    /// <exception cref="IOException">The folder does not exist, or no free name was found.</exception>
    public static (FileStream Stream, string Path) Create(string folder, string? name)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"no folder {root}.");
        }

        var plain = FileName(name);
        var stem = Path.GetFileNameWithoutExtension(plain);
        var extension = Path.GetExtension(plain);
        for (var n = 0; n < MaxTries; n++)
        {
            var candidate = Path.GetFullPath(Path.Combine(root, n == 0 ? plain : $"{stem} ({n}){extension}"));
            if (!string.Equals(Path.GetDirectoryName(candidate), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                throw new IOException("the file name leaves the chosen folder.");
            }

            try
            {
                // CreateNew is the check and the claim at once: no race with another writer, never an overwrite.
                return (new FileStream(candidate, FileMode.CreateNew, FileAccess.Write, FileShare.None), candidate);
            }
            catch (IOException) when (File.Exists(candidate) || Directory.Exists(candidate))
            {
            }
        }

        throw new IOException($"no free name for {plain} in {root}.");
    }
}
