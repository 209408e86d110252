namespace Worldloom.Platform.Blobs;

/// <summary>Scratch files the blob stores write before a blob has a name (its hash is known only at the end).</summary>
internal static class BlobTempFiles
{
    /// <summary>
    /// A temp file older than this is a leftover of a crash. Not every temp file is one: another process sharing the
    /// data dir may be writing right now, and an upload that has run for an hour is not expected.
    /// </summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private const string Suffix = ".part";

    /// <summary>Creates a fresh, owner-only temp file in <paramref name="directory"/>, open for reading and writing.</summary>
    public static FileStream Create(string directory, FileOptions options = FileOptions.None)
    {
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = options | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Blobs can hold private uploads; readable by the owner from the first byte, like the key store.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(NewPath(directory), fileOptions);
    }

    /// <summary>A fresh temp file name in <paramref name="directory"/>, one that <see cref="SweepStale"/> recognises.</summary>
    public static string NewPath(string directory) => Path.Combine(directory, Guid.NewGuid().ToString("N") + Suffix);

    /// <summary>Removes temp files that a crash left behind in <paramref name="directory"/>.</summary>
    public static void SweepStale(string directory)
    {
        // File times are stamped by the system clock, so they are compared with it rather than the platform's LoomClock.
        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Suffix))
        {
            if (File.GetLastWriteTimeUtc(path) < cutoff)
            {
                DeleteQuietly(path);
            }
        }
    }

    /// <summary>Deletes a file that may already be gone; a file still held elsewhere is left for the next sweep.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Held open or vanished in between: either way the sweep at the next start removes what remains.
        }
        catch (UnauthorizedAccessException)
        {
            // As above: only temp names come here, so a leftover is never mistaken for a blob.
        }
    }
}
