using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;
using Worldloom.Tests.Shared;

namespace Worldloom.Stories.Tests;

[Trait("Category", "Integration")]
public sealed class PlaylistTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    [Fact]
    public async Task ScenePlaylist_StitchesReadySegments_WithRelativeUris_ThatFfprobePlaysAsOneH264Stream()
    {
        var user = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(user, new { title = "Two parts", prompt = "A storm over the grassland at night" });
        var sceneId = scene.GetProperty("id").GetGuid();
        var second = await StoriesHost.ContinueAsync(user, sceneId, "Dawn breaks over the grassland");
        var segments = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{sceneId}")).GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(2, segments.Count);
        Assert.Equal(second.GetProperty("id").GetGuid(), segments[1].GetProperty("id").GetGuid());

        var masterUrl = new Uri($"http://localhost/api/stories/scenes/{sceneId}/playlist.m3u8");
        var master = await user.Client.GetAsync(masterUrl);
        Assert.Equal("application/vnd.apple.mpegurl", master.Content.Headers.ContentType?.MediaType);
        var masterText = await master.Content.ReadAsStringAsync();
        Assert.Contains("RESOLUTION=128x72", masterText);
        Assert.Contains("URI=\"subtitles.m3u8\"", masterText);
        var videoUrl = new Uri(masterUrl, masterText.Split('\n').Single(l => l.EndsWith(".m3u8", StringComparison.Ordinal) && !l.StartsWith('#')));
        Assert.Equal($"/api/stories/scenes/{sceneId}/video.m3u8", videoUrl.AbsolutePath);
        var video = await user.Client.GetStringAsync(videoUrl);
        Assert.Equal(1, video.Split('\n').Count(l => l == "#EXT-X-DISCONTINUITY"));
        var uris = video.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.All(uris, u => Assert.StartsWith("../../segments/", u));
        // The relative paths resolve to each segment's media endpoint, under the same origin and prefix.
        var first = new Uri(videoUrl, uris[0]);
        Assert.Equal($"/api/stories/segments/{segments[0].GetProperty("id").GetGuid()}/media/video_000.ts", first.AbsolutePath);
        var subtitles = await user.Client.GetStringAsync(new Uri(masterUrl, "subtitles.m3u8"));
        Assert.Contains($"../../segments/{segments[1].GetProperty("id").GetGuid()}/media/subtitles.vtt", subtitles);

        // Fetch every part through the API, as a player would, and let ffprobe read the stitched playlist.
        var dir = Directory.CreateTempSubdirectory("loom-stories-playlist-");
        try
        {
            var local = new List<string>();
            for (var i = 0; i < uris.Count; i++)
            {
                var response = await user.Client.GetAsync(new Uri(videoUrl, uris[i]));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("video/mp2t", response.Content.Headers.ContentType?.MediaType);
                var name = $"part_{i:000}.ts";
                await File.WriteAllBytesAsync(Path.Combine(dir.FullName, name), await response.Content.ReadAsByteArrayAsync());
                local.Add(name);
            }

            var n = 0;
            var rewritten = string.Join('\n', video.Split('\n').Select(l => l.Length > 0 && !l.StartsWith('#') ? local[n++] : l));
            var playlist = Path.Combine(dir.FullName, "scene.m3u8");
            await File.WriteAllTextAsync(playlist, rewritten);
            var probe = Media.Probe(playlist);

            var streams = probe.GetProperty("streams").EnumerateArray().ToList();
            Assert.Single(streams);
            Assert.Equal("h264", streams[0].GetProperty("codec_name").GetString());
            Assert.Equal(128, streams[0].GetProperty("width").GetInt32());
            var duration = Media.Duration(probe);
            var expected = segments.Sum(s => s.GetProperty("durationMs").GetInt64()) / 1000.0;
            Assert.InRange(duration, expected - 0.5, expected + 0.5);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Playlist_BeforeAnySegmentIsReady_Is409_AndForOthersPrivateIs404()
    {
        var user = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        fixture.Video.Close();
        try
        {
            var started = await StoriesHost.StartSceneAsync(user, new { title = "Soon", prompt = "A quiet dawn", visibility = "private" });
            var id = started.GetProperty("sceneId").GetGuid();
            var waiting = await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/stories/scenes/{id}/playlist.m3u8"), HttpStatusCode.Conflict, "id");
            Assert.Equal("stories_no_ready_segment", waiting.GetProperty("code").GetString());
            await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/stories/segments/{started.GetProperty("segmentId")}/media/video_000.ts"), HttpStatusCode.Conflict, "id");
            await ProblemJson.AssertAsync(await other.Client.GetAsync($"/api/stories/scenes/{id}/video.m3u8"), HttpStatusCode.NotFound);
            await ProblemJson.AssertAsync(await other.Client.GetAsync($"/api/stories/segments/{started.GetProperty("segmentId")}/media/poster.png"), HttpStatusCode.NotFound);
            fixture.Video.Open();
            await StoriesHost.JobAsync(user, started.GetProperty("jobId").GetGuid());
            await ProblemJson.AssertAsync(await other.Client.GetAsync($"/api/stories/segments/{started.GetProperty("segmentId")}/media/poster.png"), HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync($"/api/stories/segments/{started.GetProperty("segmentId")}/media/poster.png")).StatusCode);
        }
        finally
        {
            fixture.Video.Open();
        }
    }
}
