using System.Text.Json;

namespace Worldloom.Cli.Bench;

/// <summary>The file that hands a load generator its setup (access tokens among it), readable only by this user.</summary>
internal static class BenchSetupFile
{
    /// <summary>Writes <paramref name="content"/> as camelCase JSON to a new temporary file and returns its path; the caller deletes it.</summary>
    public static async Task<string> WriteAsync(string bench, object content, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"loom-bench-{bench}-" + Guid.NewGuid().ToString("N") + ".json");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await JsonSerializer.SerializeAsync(file, content, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        return path;
    }
}
