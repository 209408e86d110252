using System.Globalization;
using SkiaSharp;
using Worldloom.Stories.Render.Encoding;
using Worldloom.Stories.Render.Packaging;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// The offline video provider: draws every frame with <see cref="StoryboardRenderer"/>, pipes it to ffmpeg for H.264
/// in HLS, and packages the WebVTT track, its playlist, the master playlist, a poster and per-shot thumbnails.
/// One bitmap is reused for every frame; the poster and thumbnails are taken from the frames as they pass.
/// </summary>
public sealed class StoryboardVideoProvider(RenderOptions options) : IVideoProvider
{
    private const string SubtitlesFile = "subtitles.vtt";
    private const string SubtitlePlaylistFile = "subtitles.m3u8";
    private const string MasterFile = "master.m3u8";
    private const string PosterFile = "poster.png";

    /// <inheritdoc />
    public string Name => "storyboard";

    /// <inheritdoc />
    public async Task<VideoSegment> RenderAsync(VideoRequest request, IProgress<RenderProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var renderer = new StoryboardRenderer(request.Plan, request.Bible, options);
        var directory = Path.GetFullPath(request.OutputDirectory);
        Directory.CreateDirectory(directory);
        var timeline = renderer.Timeline;
        var thumbnails = new string[timeline.ShotCount];

        // The frame loop is CPU-bound and writes to a blocking pipe; it runs off the caller's thread.
        await Task.Run(() => DrawAll(renderer, directory, thumbnails, progress, cancellationToken), cancellationToken).ConfigureAwait(false);

        var video = MediaPlaylist.Parse(await File.ReadAllTextAsync(Path.Combine(directory, FfmpegHls.Playlist), cancellationToken).ConfigureAwait(false));
        var start = await MediaProbe.StartTicksAsync(options.Ffprobe, Path.Combine(directory, video.Entries[0].Uri), cancellationToken).ConfigureAwait(false);
        var cues = WebVtt.Cues(request.Plan, request.Bible, timeline);
        await File.WriteAllTextAsync(Path.Combine(directory, SubtitlesFile), WebVtt.Write(cues, start), cancellationToken).ConfigureAwait(false);
        var durationMs = timeline.MillisecondsAt(timeline.TotalFrames);
        var seconds = (durationMs / 1000m).ToString("0.000", CultureInfo.InvariantCulture);
        var subtitlePlaylist = MediaPlaylist.Write([[new PlaylistEntry(seconds, SubtitlesFile)]], (int)Math.Ceiling(durationMs / 1000.0));
        await File.WriteAllTextAsync(Path.Combine(directory, SubtitlePlaylistFile), subtitlePlaylist, cancellationToken).ConfigureAwait(false);
        var bandwidth = video.Entries.Max(e => (long)(new FileInfo(Path.Combine(directory, e.Uri)).Length * 8 / Math.Max(0.001m, e.Seconds)));
        var master = ScenePlaylist.Master(FfmpegHls.Playlist, SubtitlePlaylistFile, options.Width, options.Height, bandwidth);
        await File.WriteAllTextAsync(Path.Combine(directory, MasterFile), master, cancellationToken).ConfigureAwait(false);

        return new VideoSegment
        {
            Directory = directory,
            Provider = Name,
            MasterPlaylist = MasterFile,
            VideoPlaylist = FfmpegHls.Playlist,
            MediaSegments = [.. video.Entries.Select(e => e.Uri)],
            SubtitlePlaylist = SubtitlePlaylistFile,
            Subtitles = SubtitlesFile,
            Poster = PosterFile,
            Thumbnails = thumbnails,
            Cues = cues,
            DurationMs = durationMs,
            FrameCount = timeline.TotalFrames,
            Width = options.Width,
            Height = options.Height,
            Fps = options.Fps,
            Bandwidth = bandwidth,
        };
    }

    private void DrawAll(StoryboardRenderer renderer, string directory, string[] thumbnails, IProgress<RenderProgress>? progress, CancellationToken cancellationToken)
    {
        var timeline = renderer.Timeline;
        var total = timeline.TotalFrames;
        var posterFrame = renderer.KeyFrameOf(renderer.PosterShot());
        var keyFrames = Enumerable.Range(0, timeline.ShotCount).ToDictionary(renderer.KeyFrameOf, s => s);
        var info = StoryboardRenderer.FrameInfo(options);
        using var bitmap = new SKBitmap(info);
        using var canvas = new SKCanvas(bitmap);
        using var encoder = FfmpegHls.Start(directory, options, info.ColorType);
        var reported = -1;
        for (var frame = 0; frame < total; frame++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            renderer.Draw(frame, canvas);
            canvas.Flush();
            encoder.Write(bitmap.GetPixelSpan());
            if (frame == posterFrame)
            {
                Save(bitmap, Path.Combine(directory, PosterFile), SKEncodedImageFormat.Png, 100);
            }

            if (keyFrames.TryGetValue(frame, out var shot))
            {
                thumbnails[shot] = $"thumb_{shot + 1:00}.jpg";
                using var small = bitmap.Resize(new SKImageInfo(options.ThumbnailWidth, options.ThumbnailWidth * options.Height / options.Width / 2 * 2), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                Save(small, Path.Combine(directory, thumbnails[shot]), SKEncodedImageFormat.Jpeg, 82);
            }

            // At most one report per whole percent, so a job that stores progress is not flooded.
            var done = new RenderProgress(frame + 1, total);
            if (done.Percent != reported)
            {
                reported = done.Percent;
                progress?.Report(done);
            }
        }

        encoder.FinishAsync(cancellationToken).GetAwaiter().GetResult();
    }

    private static void Save(SKBitmap bitmap, string path, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
