using System.Diagnostics;
using System.Globalization;

namespace Worldloom.Stories.Render.Encoding;

/// <summary>Reads what ffmpeg wrote, with ffprobe: the first presentation time of an MPEG-TS segment.</summary>
internal static class MediaProbe
{
    /// <summary>
    /// The start time of <paramref name="file"/> in 90 kHz ticks. The MPEG-TS muxer starts video late (1.4 s, plus
    /// the encoder's B-frame delay); WebVTT cues in HLS are mapped onto this clock, so it is read, not assumed.
    /// </summary>
    public static async Task<long> StartTicksAsync(string ffprobe, string file, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ffprobe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=start_pts", "-of", "csv=p=0", file })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{ffprobe} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        // MPEG-TS files list the stream once under its program and once on its own: the first line is the value.
        var text = (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        if (process.ExitCode != 0 || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
        {
            throw new InvalidOperationException($"ffprobe could not read the start of {file}: {(await errors.ConfigureAwait(false)).Trim()} {text}");
        }

        return ticks;
    }
}
