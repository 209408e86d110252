using System.Globalization;
using System.Text;

namespace Worldloom.Stories.Render.Packaging;

/// <summary>
/// The scene's stitched playlists: one media playlist that plays every segment's media in order, with a
/// discontinuity before each new segment (its timestamps restart and its encoder settings may differ), and a master
/// playlist that pairs the stitched video with the stitched subtitles. Pure: playlists in, text out. A fork's scene
/// lists its parent's segments with the parent's base URIs, so it references the same media and copies none.
/// </summary>
public static class ScenePlaylist
{
    /// <summary>
    /// One media playlist of <paramref name="segments"/>, in order; relative URIs are resolved against each
    /// segment's base URI. Throws <see cref="ArgumentException"/> for no segments or a base URI not ending in "/",
    /// <see cref="FormatException"/> naming the segment whose playlist does not parse.
    /// </summary>
    public static string Stitch(IReadOnlyList<SegmentPlaylist> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0)
        {
            throw new ArgumentException("a scene playlist needs at least one segment.", nameof(segments));
        }

        var parts = new List<IReadOnlyList<PlaylistEntry>>();
        var target = 1;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.BaseUri.Length > 0 && !segment.BaseUri.EndsWith('/'))
            {
                throw new ArgumentException($"segments[{i}].baseUri must end with \"/\"; got \"{segment.BaseUri}\".", nameof(segments));
            }

            MediaPlaylist playlist;
            try
            {
                playlist = MediaPlaylist.Parse(segment.Playlist);
            }
            catch (FormatException e)
            {
                throw new FormatException($"segments[{i}].playlist: {e.Message}", e);
            }

            target = Math.Max(target, playlist.TargetDuration);
            parts.Add([.. playlist.Entries.Select(e => e with { Uri = Resolve(segment.BaseUri, e.Uri) })]);
        }

        return MediaPlaylist.Write(parts, target);
    }

    /// <summary>
    /// A master playlist for one video rendition (<paramref name="videoUri"/>; H.264 High profile level 4.0, as the
    /// storyboard encodes it) and, when given, a subtitle track
    /// (<paramref name="subtitlesUri"/>). The subtitles are not selected by default: the storyboard burns dialogue into
    /// the picture, and the track is for players and readers that want the text.
    /// </summary>
    public static string Master(string videoUri, string? subtitlesUri, int width, int height, long bandwidth)
    {
        ArgumentNullException.ThrowIfNull(videoUri);
        var text = new StringBuilder();
        text.Append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        var group = "";
        if (subtitlesUri is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Dialogue\",LANGUAGE=\"en\",DEFAULT=NO,AUTOSELECT=NO,FORCED=NO,URI=\"{subtitlesUri}\"\n");
            group = ",SUBTITLES=\"subs\"";
        }

        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-STREAM-INF:BANDWIDTH={Math.Max(1, bandwidth)},RESOLUTION={width}x{height},CODECS=\"avc1.640028\"{group}\n");
        text.Append(videoUri).Append('\n');
        return text.ToString();
    }

    private static string Resolve(string baseUri, string uri) =>
        uri.StartsWith('/') || uri.Contains("://", StringComparison.Ordinal) ? uri : baseUri + uri;
}
