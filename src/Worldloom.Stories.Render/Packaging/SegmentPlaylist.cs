namespace Worldloom.Stories.Render.Packaging;

/// <summary>A rendered segment's media playlist and the URI prefix its relative URIs resolve against.</summary>
/// <param name="BaseUri">Empty, or a prefix ending in "/" (<c>/media/seg-41/</c>, <c>https://cdn/x/</c>).</param>
/// <param name="Playlist">The media playlist text.</param>
public sealed record SegmentPlaylist(string BaseUri, string Playlist);
