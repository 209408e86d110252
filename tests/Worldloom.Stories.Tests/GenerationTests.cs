using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Tests;

[Trait("Category", "Integration")]
public sealed class GenerationTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    private static Task<JobView> WaitForAsync(TestUser user, Guid id, Func<JobView, bool> condition) =>
        JobWait.UntilAsync(user, id, condition, StoriesHost.Patience);

    [Fact]
    public async Task RenderFailures_AreRetriedWithBackoff_AndTheLastEndsTheSegmentFailed_ReleasingTheScene()
    {
        var user = await fixture.UserAsync();
        fixture.Video.FailNext(3);
        var started = await StoriesHost.StartSceneAsync(user, new { title = "Broken", prompt = "A quiet dawn" });
        var jobId = started.GetProperty("jobId").GetGuid();
        var sceneId = started.GetProperty("sceneId").GetGuid();

        await WaitForAsync(user, jobId, j => j.Attempts == 1 && j.Status == JobStatus.Queued);
        Assert.Equal("generating", (await StoriesHost.SegmentAsync(user, sceneId, started.GetProperty("segmentId").GetGuid())).GetProperty("status").GetString());
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(2));
        await WaitForAsync(user, jobId, j => j.Attempts == 2 && j.Status == JobStatus.Queued);
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(4));
        var job = await WaitForAsync(user, jobId, j => JobStatus.IsFinal(j.Status));

        Assert.Equal(JobStatus.Failed, job.Status);
        var segment = await StoriesHost.SegmentAsync(user, sceneId, started.GetProperty("segmentId").GetGuid());
        Assert.Equal("failed", segment.GetProperty("status").GetString());
        Assert.Contains("ffmpeg exited", segment.GetProperty("error").GetString());
        // The failed segment did not use up index 1, and the scene is free for the next request.
        var next = await StoriesHost.ContinueAsync(user, sceneId, "A quiet dusk");
        Assert.Equal("ready", next.GetProperty("status").GetString());
        Assert.Equal(1, next.GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task ARenderFailure_ThenSuccess_EndsReady_AndTheMetricsCountOutcomes()
    {
        var user = await fixture.UserAsync();
        var admin = await fixture.UserAsync(Roles.Admin);
        fixture.Video.FailNext(1);
        var started = await StoriesHost.StartSceneAsync(user, new { title = "Flaky", prompt = "A quiet dawn" });
        var jobId = started.GetProperty("jobId").GetGuid();

        await WaitForAsync(user, jobId, j => j.Attempts == 1 && j.Status == JobStatus.Queued);
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(2));
        var job = await StoriesHost.JobAsync(user, jobId);

        Assert.Equal(2, job.Attempts);
        Assert.Equal("ready", (await StoriesHost.SegmentAsync(user, started.GetProperty("sceneId").GetGuid(), started.GetProperty("segmentId").GetGuid())).GetProperty("status").GetString());
        var metrics = await admin.Client.GetStringAsync("/metrics");
        Assert.Contains("loom_stories_segments_total{outcome=\"ready\"}", metrics);
        Assert.Contains("loom_stories_generation_seconds_count{outcome=\"ready\"}", metrics);
    }

    [Fact]
    public async Task ACancelNoticedAfterTheFilesAreStored_EndsTheSegmentFailedWithoutItsFiles_AndTheJobCancelled()
    {
        var user = await fixture.UserAsync();
        var started = await fixture.StartCancelledAfterItsFilesAsync(user, new { title = "Late", prompt = "A quiet dawn" });

        var sceneId = started.GetProperty("sceneId").GetGuid();
        var segmentId = started.GetProperty("segmentId").GetGuid();
        await StoriesHost.JobAsync(user, started.GetProperty("jobId").GetGuid(), JobStatus.Cancelled);
        var segment = await StoriesHost.SegmentAsync(user, sceneId, segmentId);
        Assert.Equal("failed", segment.GetProperty("status").GetString());
        // A failed segment serves no media: its file rows went with it (the blobs stay until the platform's sweep, see SegmentBlobSweepTests).
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<StorySegmentFile>().CountAsync(f => f.SegmentId == segmentId)));
        var media = await user.Client.GetAsync($"/api/stories/segments/{segmentId}/media/video.m3u8");
        Assert.Equal(HttpStatusCode.Conflict, media.StatusCode);
        // The scene is free again.
        Assert.Equal("ready", (await StoriesHost.ContinueAsync(user, sceneId, "A quiet dusk")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SceneInAForgeWorld_StartsFromTheWorldsBible()
    {
        var user = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var project = await StoriesHost.JsonAsync(await user.Client.PostAsJsonAsync("/api/projects", new { name = "Stories world" }), HttpStatusCode.Created);
        var world = await StoriesHost.JsonAsync(await user.Client.PostAsJsonAsync($"/api/projects/{project.GetProperty("id")}/worlds", new { seed = "story coast", size = 96 }), HttpStatusCode.Accepted);
        var worldId = world.GetProperty("id").GetGuid();

        var early = await user.Client.PostAsJsonAsync("/api/stories/scenes", new { title = "Too soon", prompt = "A quiet dawn", worldId });
        if (early.StatusCode != HttpStatusCode.Accepted)
        {
            // Still generating: a conflict naming the world, nothing spent.
            await ProblemJson.AssertAsync(early, HttpStatusCode.Conflict, "worldId");
        }

        await StoriesHost.JobAsync(user, world.GetProperty("jobId").GetGuid());
        var scene = await StoriesHost.SceneAsync(user, new { title = "On the coast", prompt = "A storm reaches the town", worldId });
        var bible = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{scene.GetProperty("id")}/bible");

        Assert.Equal(worldId, scene.GetProperty("worldId").GetGuid());
        Assert.Contains(bible.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString()!.StartsWith("loc_", StringComparison.Ordinal));
        Assert.Contains(bible.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString()!.StartsWith("char_", StringComparison.Ordinal));
        Assert.Equal("ready", scene.GetProperty("segments")[0].GetProperty("status").GetString());
        // Someone else's world is not theirs to tell stories in.
        var refused = await stranger.Client.PostAsJsonAsync("/api/stories/scenes", new { title = "Not mine", prompt = "A quiet dawn", worldId });
        await ProblemJson.AssertAsync(refused, HttpStatusCode.BadRequest, "worldId");
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().CountAsync(s => s.OwnerId == stranger.Id)));
    }
}
