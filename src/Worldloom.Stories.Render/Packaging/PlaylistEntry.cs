namespace Worldloom.Stories.Render.Packaging;

/// <summary>One media segment of an HLS media playlist.</summary>
/// <param name="Duration">The EXTINF duration, as written (kept verbatim so stitching never re-rounds it).</param>
/// <param name="Uri">The segment's URI, as written.</param>
public sealed record PlaylistEntry(string Duration, string Uri)
{
    /// <summary>The duration in seconds.</summary>
    public decimal Seconds => decimal.Parse(Duration, System.Globalization.CultureInfo.InvariantCulture);
}
