using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Worldloom.Tests.Shared;

/// <summary>Runs ffprobe and ffmpeg on rendered video, as the independent check of the output (Stories render, server and CLI tests).</summary>
internal static class Media
{
    public static JsonElement Probe(string file, params string[] extra)
    {
        var output = Run("ffprobe", [.. extra, "-v", "error", "-show_format", "-show_streams", "-of", "json", file]);
        return JsonDocument.Parse(output).RootElement;
    }

    public static double Duration(JsonElement probe) =>
        double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);

    public static string Run(string tool, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', info.ArgumentList)} failed: {stderr.Result}");
        return stdout.Result;
    }
}
