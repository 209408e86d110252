using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Data;

namespace Worldloom.Stories.Tests;

[Trait("Category", "Integration")]
public sealed class ModerationTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    [Theory]
    [InlineData("Mira fights the dragons at dusk", "dragons")]
    [InlineData("Tomas fires a pistol", "pistol")]
    [InlineData("A dragon sleeps", "dragons")]
    public async Task FilteredPrompt_Is422NamingPromptAndTerm_AndSpendsNothing(string prompt, string term)
    {
        var user = await fixture.UserAsync();

        var create = await user.Client.PostAsJsonAsync("/api/stories/scenes", new { title = "Filtered", prompt });

        var problem = await ProblemJson.AssertAsync(create, HttpStatusCode.UnprocessableEntity, "prompt");
        Assert.Equal(term, problem.GetProperty("term").GetString());
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().CountAsync(s => s.OwnerId == user.Id)));
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.QuotaUsage.CountAsync(q => q.UserId == user.Id)));
    }

    [Fact]
    public async Task Reports_QueueWithTitlesAndPrompts_RemoveHidesFromOthers_BanStopsTheAuthor()
    {
        var author = await fixture.UserAsync();
        var reporter = await fixture.UserAsync();
        var second = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var scene = await StoriesHost.SceneAsync(author, new { title = "Reported zz", prompt = "A storm at night" });
        var sceneId = scene.GetProperty("id").GetGuid();
        var segmentId = scene.GetProperty("segments")[0].GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, segmentId, reason = "" }), HttpStatusCode.BadRequest, "reason");
        await ProblemJson.AssertAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { segmentId, reason = "bad" }), HttpStatusCode.BadRequest, "sceneId");
        await ProblemJson.AssertAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, segmentId = Guid.NewGuid(), reason = "bad" }), HttpStatusCode.BadRequest, "segmentId");
        await ProblemJson.AssertAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = Guid.NewGuid(), reason = "bad" }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await author.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, reason = "mine" }), HttpStatusCode.Forbidden);
        var report = await StoriesHost.JsonAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, segmentId, reason = "too dark" }), HttpStatusCode.Created);
        var again = await StoriesHost.JsonAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, segmentId, reason = "still" }), HttpStatusCode.OK);
        Assert.Equal(report.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        var sceneReport = await StoriesHost.JsonAsync(await second.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, reason = "spam" }), HttpStatusCode.Created);
        var sameSegment = await StoriesHost.JsonAsync(await second.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, segmentId, reason = "grim" }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.GetAsync("/api/admin/stories/reports")).StatusCode);
        await ProblemJson.AssertAsync(await moderator.Client.GetAsync("/api/admin/stories/reports?status=closed"), HttpStatusCode.BadRequest, "status");
        var queue = await moderator.Client.GetFromJsonAsync<JsonElement>("/api/admin/stories/reports?status=open");
        var queued = queue.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == report.GetProperty("id").GetGuid());
        Assert.Equal("Reported zz", queued.GetProperty("sceneTitle").GetString());
        Assert.Equal("A storm at night", queued.GetProperty("prompt").GetString());
        Assert.Equal(author.Id, queued.GetProperty("authorId").GetGuid());

        var id = report.GetProperty("id").GetGuid();
        await ProblemJson.AssertAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{id}/resolve", new { action = "burn" }), HttpStatusCode.BadRequest, "action");
        await ProblemJson.AssertAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{Guid.NewGuid()}/resolve", new { action = "approve" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.Client.PostAsJsonAsync($"/api/admin/stories/reports/{id}/resolve", new { action = "approve" })).StatusCode);
        var removed = await StoriesHost.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{id}/resolve", new { action = "remove", note = "gore" }), HttpStatusCode.OK);
        Assert.Equal("resolved", removed.GetProperty("status").GetString());
        await ProblemJson.AssertAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{id}/resolve", new { action = "approve" }), HttpStatusCode.Conflict, "id");
        // The other report of the same segment closed with it; the report of the scene is still open.
        var open = (await moderator.Client.GetFromJsonAsync<JsonElement>("/api/admin/stories/reports")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(sameSegment.GetProperty("id").GetGuid(), open);
        Assert.Contains(sceneReport.GetProperty("id").GetGuid(), open);

        // Removed: gone for others (scene view, playlist, media), kept for its author and moderators.
        var seenByOther = await reporter.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{sceneId}");
        Assert.Equal(0, seenByOther.GetProperty("segments").GetArrayLength());
        await ProblemJson.AssertAsync(await reporter.Client.GetAsync($"/api/stories/segments/{segmentId}/media/poster.png"), HttpStatusCode.NotFound);
        // Not "no ready segment yet": there is one, and it will not come back.
        var nothing = await ProblemJson.AssertAsync(await reporter.Client.GetAsync($"/api/stories/scenes/{sceneId}/playlist.m3u8"), HttpStatusCode.Conflict, "id");
        Assert.Equal("stories_segments_removed", nothing.GetProperty("code").GetString());
        var seenByAuthor = await StoriesHost.SegmentAsync(author, sceneId, segmentId);
        Assert.Equal("removed", seenByAuthor.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await moderator.Client.GetAsync($"/api/stories/segments/{segmentId}/media/poster.png")).StatusCode);

        // Ban: the scene is removed and the author can no longer generate.
        await StoriesHost.JsonAsync(
            await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{sceneReport.GetProperty("id")}/resolve", new { action = "ban" }), HttpStatusCode.OK);
        await ProblemJson.AssertAsync(await second.Client.GetAsync($"/api/stories/scenes/{sceneId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await author.Client.GetAsync($"/api/stories/scenes/{sceneId}")).StatusCode);
        var refused = await author.Client.PostAsJsonAsync("/api/stories/scenes", new { title = "Again", prompt = "A quiet dawn" });
        var problem = await ProblemJson.AssertAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal("stories_banned", problem.GetProperty("code").GetString());
        var actions = await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action.StartsWith("stories.report") || a.Action == "stories.ban").Select(a => a.Action).ToListAsync());
        Assert.Contains("stories.report.create", actions);
        Assert.Contains("stories.report.resolve", actions);
        Assert.Contains("stories.ban", actions);
    }

    [Fact]
    public async Task RemovingASegmentWhileItGenerates_StaysRemovedWhenTheJobFinishes()
    {
        var author = await fixture.UserAsync();
        var reporter = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        fixture.Video.Close();
        JsonElement started;
        try
        {
            started = await StoriesHost.StartSceneAsync(author, new { title = "Mid-flight", prompt = "A quiet dawn" });
            var report = await StoriesHost.JsonAsync(
                await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = started.GetProperty("sceneId"), segmentId = started.GetProperty("segmentId"), reason = "no" }),
                HttpStatusCode.Created);
            await StoriesHost.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{report.GetProperty("id")}/resolve", new { action = "remove" }), HttpStatusCode.OK);
            var segmentId = started.GetProperty("segmentId").GetGuid();
            Assert.True(SegmentStatus.InFlight(await fixture.Host.WithDbAsync(db => db.Set<StorySegment>().Where(s => s.Id == segmentId).Select(s => s.Status).SingleAsync())));
        }
        finally
        {
            fixture.Video.Open();
        }

        await StoriesHost.JobAsync(author, started.GetProperty("jobId").GetGuid());

        var id = started.GetProperty("segmentId").GetGuid();
        var row = await fixture.Host.WithDbAsync(db => db.Set<StorySegment>().SingleAsync(s => s.Id == id));
        Assert.Equal(SegmentStatus.Ready, row.Status);
        Assert.NotNull(row.RemovedAt);
        Assert.Equal("removed", (await StoriesHost.SegmentAsync(author, started.GetProperty("sceneId").GetGuid(), id)).GetProperty("status").GetString());
        var others = await reporter.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{started.GetProperty("sceneId")}");
        Assert.Equal(0, others.GetProperty("segments").GetArrayLength());
    }

    [Fact]
    public async Task Topics_AreSeeded_AndCuratedByAdminsOnly()
    {
        var admin = await fixture.UserAsync(Roles.Admin);
        var user = await fixture.UserAsync();
        var seeded = await user.Client.GetFromJsonAsync<JsonElement>("/api/stories/topics");
        Assert.Contains(seeded.EnumerateArray(), t => t.GetProperty("slug").GetString() == "mystery");
        Assert.Contains(seeded.EnumerateArray(), t => t.GetProperty("slug").GetString() == "sea-tales");

        Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.PostAsJsonAsync("/api/admin/stories/topics", new { slug = "noir", title = "Noir" })).StatusCode);
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync("/api/admin/stories/topics", new { slug = "No Ir", title = "Noir" }), HttpStatusCode.BadRequest, "slug");
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync("/api/admin/stories/topics", new { slug = "noir" }), HttpStatusCode.BadRequest, "title");
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync("/api/admin/stories/topics", new { slug = "noir", title = "Noir", description = new string('d', 501) }), HttpStatusCode.BadRequest, "description");
        var noir = await StoriesHost.JsonAsync(await admin.Client.PostAsJsonAsync("/api/admin/stories/topics", new { slug = "noir", title = "Noir", description = "Rain and neon." }), HttpStatusCode.Created);
        await ProblemJson.AssertAsync(await admin.Client.PostAsJsonAsync("/api/admin/stories/topics", new { slug = "noir", title = "Noir again" }), HttpStatusCode.Conflict, "slug");
        var id = noir.GetProperty("id").GetGuid();
        var renamed = await StoriesHost.JsonAsync(await admin.Client.PutAsJsonAsync($"/api/admin/stories/topics/{id}", new { slug = "noir", title = "Film noir" }), HttpStatusCode.OK);
        Assert.Equal("Film noir", renamed.GetProperty("title").GetString());
        await ProblemJson.AssertAsync(await admin.Client.PutAsJsonAsync($"/api/admin/stories/topics/{Guid.NewGuid()}", new { slug = "x", title = "X" }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await admin.Client.PutAsJsonAsync($"/api/admin/stories/topics/{id}", new { slug = "mystery", title = "X" }), HttpStatusCode.Conflict, "slug");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/admin/stories/topics/{id}")).StatusCode);
        await ProblemJson.AssertAsync(await admin.Client.DeleteAsync($"/api/admin/stories/topics/{id}"), HttpStatusCode.NotFound);
        var actions = await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == $"story_topic:{id}").OrderBy(a => a.Seq).Select(a => a.Action).ToListAsync());
        Assert.Equal(["stories.topic.create", "stories.topic.update", "stories.topic.delete"], actions);
    }
}
