namespace Worldloom.Forge.Exports;

/// <summary>
/// Where a bundle is written before it goes into the blob store: a folder in the data dir (bundles can be hundreds of
/// megabytes, too many for memory or a RAM-backed /tmp). A file is deleted when closed; one a crash left behind is
/// removed by the next export after a day.
/// </summary>
public static class ExportTempFiles
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    /// <summary>A new owner-only file in <c>exports.tmp/</c> of <paramref name="dataDir"/>, deleted when disposed.</summary>
    public static FileStream Create(string dataDir)
    {
        var directory = Path.Combine(dataDir, "exports.tmp");
        Directory.CreateDirectory(directory);
        SweepStale(directory);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(directory, Guid.NewGuid().ToString("N") + ".zip"), options);
    }

    private static void SweepStale(string directory)
    {
        // File times come from the system clock, so they are compared with it rather than the platform's LoomClock.
        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var path in Directory.EnumerateFiles(directory, "*.zip"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < cutoff)
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Held by a running export or gone already; a later sweep tries again.
            }
            catch (UnauthorizedAccessException)
            {
                // As above: only this folder's own leftovers are ever deleted here.
            }
        }
    }
}
