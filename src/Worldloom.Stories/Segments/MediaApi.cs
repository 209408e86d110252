using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Problems;
using Worldloom.Stories.Data;
using Worldloom.Stories.Render.Packaging;
using Worldloom.Stories.Scenes;

namespace Worldloom.Stories.Segments;

/// <summary>
/// A segment's files from the blob store, and a scene's stitched playlists. Every URI in the playlists is relative
/// (<c>../../segments/{id}/media/video_000.ts</c> from <c>/api/stories/scenes/{id}/video.m3u8</c>), so a player sends
/// its <c>Authorization</c> header with every request and no token ever goes in a URL.
/// </summary>
public static class MediaApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/stories/segments/{id:guid}/media/{name}", MediaAsync).WithTags("Stories").RequireAuthorization();
        var scenes = routes.MapGroup("/api/stories/scenes/{id:guid}").WithTags("Stories").RequireAuthorization();
        scenes.MapGet("/playlist.m3u8", MasterAsync);
        scenes.MapGet("/video.m3u8", (Guid id, [AsParameters] StoryServices s, IBlobStore blobs) => StitchedAsync(id, "video.m3u8", s, blobs));
        scenes.MapGet("/subtitles.m3u8", (Guid id, [AsParameters] StoryServices s, IBlobStore blobs) => StitchedAsync(id, "subtitles.m3u8", s, blobs));
        return routes;
    }

    /// <summary>One file of a ready segment, with its MIME type and its SHA-256 as a strong ETag.</summary>
    public static async Task<IResult> MediaAsync(Guid id, string name, [AsParameters] StoryServices s, IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(blobs);
        var segment = await s.Db.Set<StorySegment>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, s.Cancellation);
        if (segment is null || !await SceneAccess.CanSeeSegmentAsync(s.Db, segment, s.Viewer, s.Cancellation))
        {
            return Problems.NotFound("segment");
        }

        var file = await s.Db.Set<StorySegmentFile>().AsNoTracking().FirstOrDefaultAsync(f => f.SegmentId == id && f.Name == name, s.Cancellation);
        if (file is null)
        {
            return segment.Status == SegmentStatus.Ready
                ? Problems.NotFound("file of that name in the segment")
                : Problems.Conflict("id", $"the segment is {segment.Status}; it has no media.");
        }

        var stream = await blobs.OpenAsync(file.Sha256, s.Cancellation);
        return stream is null
            ? Problems.NotFound("stored file")
            : TypedResults.Stream(stream, file.ContentType, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>The scene's master playlist: the stitched video and the stitched subtitles. 409 before any segment is ready.</summary>
    public static async Task<IResult> MasterAsync(Guid id, [AsParameters] StoryServices s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (segments, problem) = await PlayableAsync(id, s);
        if (problem is not null)
        {
            return problem;
        }

        var master = ScenePlaylist.Master("video.m3u8", "subtitles.m3u8", segments![0].Width, segments[0].Height, segments.Max(g => g.Bandwidth));
        return TypedResults.Text(master, MediaPlaylist.ContentType);
    }

    private static async Task<IResult> StitchedAsync(Guid id, string playlist, StoryServices s, IBlobStore blobs)
    {
        var (segments, problem) = await PlayableAsync(id, s);
        if (problem is not null)
        {
            return problem;
        }

        var ids = segments!.Select(g => g.Id).ToList();
        var files = await s.Db.Set<StorySegmentFile>().AsNoTracking().Where(f => ids.Contains(f.SegmentId) && f.Name == playlist).ToDictionaryAsync(f => f.SegmentId, f => f.Sha256, s.Cancellation);
        var parts = new List<SegmentPlaylist>();
        foreach (var segment in segments!)
        {
            if (!files.TryGetValue(segment.Id, out var sha) || await blobs.OpenAsync(sha, s.Cancellation) is not { } stream)
            {
                return Problems.NotFound($"stored {playlist} of segment {segment.Index}");
            }

            using var reader = new StreamReader(stream);
            // Relative to /api/stories/scenes/{id}/: up to /api/stories/, then into the segment's media.
            parts.Add(new SegmentPlaylist($"../../segments/{segment.Id}/media/", await reader.ReadToEndAsync(s.Cancellation)));
        }

        return TypedResults.Text(ScenePlaylist.Stitch(parts), MediaPlaylist.ContentType);
    }

    // The ready segments the caller sees in the scene, in order.
    private static async Task<(List<StorySegment>? Segments, IResult? Problem)> PlayableAsync(Guid id, StoryServices s)
    {
        var scene = await SceneAccess.FindAsync(s.Db, id, s.Viewer, s.Cancellation);
        if (scene is null)
        {
            return (null, Problems.NotFound("scene"));
        }

        var viewer = s.Viewer;
        var segments = (await SceneAccess.VisibleSegmentsAsync(s.Db, scene, viewer, s.Cancellation)).Where(g => g.Status == SegmentStatus.Ready).ToList();
        if (segments.Count > 0)
        {
            return (segments, null);
        }

        // Tell "wait for it" apart from "it was taken down": a client should not wait for segments a moderator removed.
        return (await SceneAccess.SegmentsAsync(s.Db, scene, s.Cancellation)).Any(g => g.Status == SegmentStatus.Ready)
            ? (null, NothingToPlay(AllRemovedCode, "every ready segment of the scene was removed by a moderator."))
            : (null, NothingToPlay(NoReadySegmentCode, "the scene has no ready segment yet."));
    }

    /// <summary>The problem code of a playlist's 409 while the scene has no ready segment yet.</summary>
    public const string NoReadySegmentCode = "stories_no_ready_segment";

    /// <summary>The problem code of a playlist's 409 when the scene's ready segments are all hidden by a moderator's removal.</summary>
    public const string AllRemovedCode = "stories_segments_removed";

    // 409 naming the id field, as Problems.Conflict does, with a code a client can branch on.
    private static IResult NothingToPlay(string code, string detail) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"id: {detail}",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["id"] = [detail] }, ["code"] = code });
}
