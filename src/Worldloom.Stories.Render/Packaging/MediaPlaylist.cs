using System.Globalization;
using System.Text;

namespace Worldloom.Stories.Render.Packaging;

/// <summary>
/// An HLS media playlist (RFC 8216 §4.3.3) reduced to what the renderer writes and stitches: a target duration and
/// the segments in order. <see cref="Parse"/> reads a VOD playlist from ffmpeg or from <see cref="Write"/>;
/// discontinuities are written by the stitcher between segments.
/// </summary>
public sealed record MediaPlaylist(int TargetDuration, IReadOnlyList<PlaylistEntry> Entries)
{
    /// <summary>The MIME type of playlists.</summary>
    public const string ContentType = "application/vnd.apple.mpegurl";

    /// <summary>The total length in seconds.</summary>
    public decimal Seconds => Entries.Sum(e => e.Seconds);

    /// <summary>Reads <paramref name="text"/>; throws <see cref="FormatException"/> naming the line when it is no media playlist.</summary>
    public static MediaPlaylist Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "#EXTM3U")
        {
            throw new FormatException("line 1: a playlist starts with #EXTM3U.");
        }

        var target = -1;
        var entries = new List<PlaylistEntry>();
        string? pending = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#EXT-X-TARGETDURATION:", StringComparison.Ordinal))
            {
                if (!int.TryParse(line["#EXT-X-TARGETDURATION:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out target))
                {
                    throw new FormatException($"line {i + 1}: the target duration is no whole number.");
                }
            }
            else if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                var value = line["#EXTINF:".Length..];
                var comma = value.IndexOf(',', StringComparison.Ordinal);
                pending = comma < 0 ? value : value[..comma];
                if (!decimal.TryParse(pending, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    throw new FormatException($"line {i + 1}: \"{pending}\" is no duration.");
                }
            }
            else if (line.StartsWith("#EXT-X-STREAM-INF", StringComparison.Ordinal))
            {
                throw new FormatException($"line {i + 1}: this is a master playlist, not a media playlist.");
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                if (pending is null)
                {
                    throw new FormatException($"line {i + 1}: the URI \"{line}\" has no #EXTINF before it.");
                }

                entries.Add(new PlaylistEntry(pending, line));
                pending = null;
            }
        }

        if (target < 0)
        {
            throw new FormatException("the playlist has no #EXT-X-TARGETDURATION.");
        }

        return entries.Count == 0 ? throw new FormatException("the playlist has no media segments.") : new MediaPlaylist(target, entries);
    }

    /// <summary>
    /// A VOD playlist text of <paramref name="parts"/>, with <c>#EXT-X-DISCONTINUITY</c> between parts (each part's
    /// timestamps restart, as each rendered segment's do).
    /// </summary>
    public static string Write(IReadOnlyList<IReadOnlyList<PlaylistEntry>> parts, int targetDuration)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = new StringBuilder();
        text.Append("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{targetDuration}\n");
        text.Append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-DISCONTINUITY-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var p = 0; p < parts.Count; p++)
        {
            if (p > 0)
            {
                text.Append("#EXT-X-DISCONTINUITY\n");
            }

            foreach (var entry in parts[p])
            {
                text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{entry.Duration},\n{entry.Uri}\n");
            }
        }

        text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }
}
