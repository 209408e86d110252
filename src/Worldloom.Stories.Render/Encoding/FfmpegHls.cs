using System.Diagnostics;
using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Worldloom.Stories.Render.Encoding;

/// <summary>
/// One ffmpeg process that takes raw 32-bit frames on stdin and writes H.264 in HLS media segments. Keyframes are
/// forced every <see cref="RenderOptions.HlsSegmentSeconds"/> (and scene-cut keyframes are off), so every media
/// segment has the target length and starts with a keyframe. Frames go straight from the renderer's bitmap into the
/// pipe; ffmpeg encodes on its own threads while the next frame is drawn. The frames are converted to YUV with the
/// BT.709 matrix in limited range and the stream says so (BT.709 primaries and the sRGB curve are what Skia draws in):
/// untagged, ffmpeg converts with BT.601, while Chromium reads untagged video played through MSE (hls.js) as BT.709,
/// which turns the renderer's red cloak #C0262D into #B2152F.
/// </summary>
internal sealed class FfmpegHls : IDisposable
{
    public const string Playlist = "video.m3u8";
    public const string SegmentPattern = "video_%03d.ts";

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly StringBuilder _errors = new();
    private readonly Task _errorPump;

    private FfmpegHls(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _errorPump = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_errors)
                {
                    if (_errors.Length < 16_000)
                    {
                        _errors.AppendLine(line);
                    }
                }
            }
        });
    }

    /// <summary>Starts ffmpeg writing into <paramref name="directory"/>, reading frames of <paramref name="colorType"/>.</summary>
    public static FfmpegHls Start(string directory, RenderOptions options, SKColorType colorType)
    {
        var pixels = colorType switch
        {
            SKColorType.Bgra8888 => "bgra",
            SKColorType.Rgba8888 => "rgba",
            _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "frames must be 32-bit BGRA or RGBA."),
        };
        var gop = options.Fps * options.HlsSegmentSeconds;
        var info = new ProcessStartInfo(options.Ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "rawvideo", "-pix_fmt", pixels, "-s", $"{options.Width}x{options.Height}",
            "-framerate", options.Fps.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0",
            "-an", "-c:v", "libx264", "-preset", options.Preset, "-crf", options.Crf.ToString(CultureInfo.InvariantCulture),
            "-vf", "scale=out_color_matrix=bt709:out_range=tv",
            "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "iec61966-2-1", "-color_range", "tv",
            "-profile:v", "high", "-level:v", "4.0",
            "-g", gop.ToString(CultureInfo.InvariantCulture), "-keyint_min", gop.ToString(CultureInfo.InvariantCulture),
            "-sc_threshold", "0",
            "-force_key_frames", $"expr:gte(t,n_forced*{options.HlsSegmentSeconds})",
            "-f", "hls", "-hls_time", options.HlsSegmentSeconds.ToString(CultureInfo.InvariantCulture),
            "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
            "-hls_segment_filename", SegmentPattern, Playlist,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{options.Ffmpeg} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {options.Ffmpeg} ({e.Message}); install the Debian package ffmpeg.", e);
        }

        process.StandardOutput.Close();
        return new FfmpegHls(process);
    }

    /// <summary>Hands one frame (width × height × 4 bytes, in the order given at start) to the encoder.</summary>
    public void Write(ReadOnlySpan<byte> pixels)
    {
        try
        {
            _stdin.Write(pixels);
        }
        catch (IOException e)
        {
            // ffmpeg closed its input: it failed; its own message says why.
            _process.WaitForExit(5000);
            throw new InvalidOperationException($"ffmpeg stopped taking frames: {Errors()}", e);
        }
    }

    /// <summary>Closes the input and waits for ffmpeg to finish the segments and the playlist.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        _stdin.Close();
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _errorPump.ConfigureAwait(false);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed with exit code {_process.ExitCode}: {Errors()}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.Length == 0 ? "(no message)" : _errors.ToString().Trim();
        }
    }
}
