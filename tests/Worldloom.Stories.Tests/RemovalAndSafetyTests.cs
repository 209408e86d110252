using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Stories.Tests;

/// <summary>What a moderator's removal and a ban reach (forks included), the filter on every text a user writes, and who reads what.</summary>
[Trait("Category", "Integration")]
public sealed class RemovalAndSafetyTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    private async Task RemoveSceneAsync(Guid sceneId, string action = "remove")
    {
        var reporter = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var report = await StoriesHost.JsonAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId, reason = "no" }), HttpStatusCode.Created);
        await StoriesHost.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{report.GetProperty("id")}/resolve", new { action }), HttpStatusCode.OK);
    }

    private static async Task<Guid> ForkAsync(TestUser user, Guid sceneId, int atSegment) =>
        (await StoriesHost.JsonAsync(await user.Client.PostAsJsonAsync($"/api/stories/scenes/{sceneId}/fork", new { atSegment }), HttpStatusCode.Created)).GetProperty("sceneId").GetGuid();

    [Fact]
    public async Task RemovedScene_CannotBeForked_AndItsSegmentsVanishFromEarlierForks_ButForItsOwnerAndModerators()
    {
        var owner = await fixture.UserAsync();
        var forker = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var title = $"Removed trunk {Guid.NewGuid():N}";
        var scene = await StoriesHost.SceneAsync(owner, new { title, prompt = "A lighthouse in the fog" });
        var id = scene.GetProperty("id").GetGuid();
        var one = scene.GetProperty("segments")[0].GetProperty("id").GetGuid();
        var forkId = await ForkAsync(forker, id, 1);
        Assert.Equal([one], (await stranger.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}")).GetProperty("segments").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));

        await RemoveSceneAsync(id);

        // Its owner and moderators still see it, but it may not live on in a new fork.
        await ProblemJson.AssertAsync(await owner.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1 }), HttpStatusCode.Conflict, "id");
        await ProblemJson.AssertAsync(await moderator.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1 }), HttpStatusCode.Conflict, "id");
        // The fork made before the removal no longer shows the removed scene's segment to the fork's owner or anyone else.
        foreach (var viewer in new[] { forker, stranger })
        {
            var fork = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}");
            Assert.Equal(0, fork.GetProperty("segments").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, fork.GetProperty("posterUrl").ValueKind);
            await ProblemJson.AssertAsync(await viewer.Client.GetAsync($"/api/stories/segments/{one}/media/poster.png"), HttpStatusCode.NotFound);
            var nothing = await ProblemJson.AssertAsync(await viewer.Client.GetAsync($"/api/stories/scenes/{forkId}/playlist.m3u8"), HttpStatusCode.Conflict);
            Assert.Equal("stories_segments_removed", nothing.GetProperty("code").GetString());
            await ProblemJson.AssertAsync(await viewer.Client.GetAsync($"/api/stories/scenes/{forkId}/video.m3u8"), HttpStatusCode.Conflict);
            var listed = (await viewer.Client.GetFromJsonAsync<JsonElement>("/api/stories/scenes?q=" + Uri.EscapeDataString(title))).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == forkId);
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("posterUrl").ValueKind);
            await ProblemJson.AssertAsync(
                await viewer.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = forkId, segmentId = one, reason = "x" }), HttpStatusCode.BadRequest, "segmentId");
        }

        // The removed scene's owner and moderators still see it in the fork.
        foreach (var viewer in new[] { owner, moderator })
        {
            var fork = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}");
            Assert.Equal([one], fork.GetProperty("segments").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
            Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync($"/api/stories/segments/{one}/media/poster.png")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync($"/api/stories/scenes/{forkId}/video.m3u8")).StatusCode);
        }
    }

    [Fact]
    public async Task BannedUser_CannotFork()
    {
        var author = await fixture.UserAsync();
        var banned = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(author, new { title = "Open to forks", prompt = "A market at noon" });
        var own = await StoriesHost.StartSceneAsync(banned, new { title = "To be banned", prompt = "A quiet road" });
        await RemoveSceneAsync(own.GetProperty("sceneId").GetGuid(), "ban");

        var refused = await banned.Client.PostAsJsonAsync($"/api/stories/scenes/{scene.GetProperty("id")}/fork", new { atSegment = 1 });

        var problem = await ProblemJson.AssertAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal("stories_banned", problem.GetProperty("code").GetString());
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Data.StoryScene>().CountAsync(c => c.OwnerId == banned.Id && c.ParentSceneId != null)));
    }

    [Fact]
    public async Task Filter_RefusesTitlesLoglinesForkTitlesAndBibleText_NamingTheField()
    {
        var user = await fixture.UserAsync();
        var problem = await ProblemJson.AssertAsync(
            await user.Client.PostAsJsonAsync("/api/stories/scenes", new { title = "The dragons return", prompt = "A quiet dawn" }), HttpStatusCode.UnprocessableEntity, "title");
        Assert.Equal("dragons", problem.GetProperty("term").GetString());
        await ProblemJson.AssertAsync(
            await user.Client.PostAsJsonAsync("/api/stories/scenes", new { title = "Dawn", prompt = "A quiet dawn", logline = "Tomas buys a pistol" }), HttpStatusCode.UnprocessableEntity, "logline");
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Data.StoryScene>().CountAsync(c => c.OwnerId == user.Id)));
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.QuotaUsage.CountAsync(q => q.UserId == user.Id)));

        var scene = await StoriesHost.SceneAsync(user, new { title = "Clean", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        await ProblemJson.AssertAsync(
            await user.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1, title = "Here be dragons" }), HttpStatusCode.UnprocessableEntity, "title");
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Data.StoryScene>().CountAsync(c => c.ParentSceneId == id)));

        await ProblemJson.AssertAsync(
            await user.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_entity", entity = new { id = "char_ana", name = "Ana", items = new[] { "a rope", "a pistol" } } } }),
            HttpStatusCode.UnprocessableEntity, "edit.entity.items[1]");
        await ProblemJson.AssertAsync(
            await user.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_entity", entity = new { id = "char_ana", name = "Ana the dragons' friend" } } }),
            HttpStatusCode.UnprocessableEntity, "edit.entity.name");
        await ProblemJson.AssertAsync(
            await user.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_entity", entity = new { id = "char_ana", name = "Ana", aliases = new[] { "the pistol girl" } } } }),
            HttpStatusCode.UnprocessableEntity, "edit.entity.aliases[0]");
        await ProblemJson.AssertAsync(
            await user.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_rule", rule = new { id = "ana", text = "char_ana always wears pistol" } } }),
            HttpStatusCode.UnprocessableEntity, "edit.rule.text");
        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{id}/bible")).GetProperty("changes").GetArrayLength());
        // A rule forbidding a filtered term is what the filter wants, not what it refuses.
        var forbidding = await user.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_rule", rule = new { id = "arms", text = "no pistols" } } });
        Assert.Equal(HttpStatusCode.OK, forbidding.StatusCode);
    }

    [Fact]
    public async Task BibleCorrection_CannotApplyToASegmentQueuedOrGenerating()
    {
        var owner = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Floor", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        JsonElement started;
        fixture.Video.Close();
        try
        {
            started = await StoriesHost.JsonAsync(await owner.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/segments", new { prompt = "A quiet noon" }), HttpStatusCode.Accepted);

            // Segment 2 is queued or generating: its job reads the bible, so a correction starts at 3.
            await ProblemJson.AssertAsync(
                await owner.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_rule", rule = new { id = "late", text = "no lanterns" } }, fromSegment = 2 }),
                HttpStatusCode.BadRequest, "fromSegment");
            var corrected = await StoriesHost.JsonAsync(
                await owner.Client.PutAsJsonAsync($"/api/stories/scenes/{id}/bible", new { edit = new { kind = "put_rule", rule = new { id = "late", text = "no lanterns" } } }), HttpStatusCode.OK);
            Assert.Equal(3, corrected.GetProperty("changes").EnumerateArray().Single().GetProperty("fromSegment").GetInt32());
        }
        finally
        {
            fixture.Video.Open();
        }

        await StoriesHost.JobAsync(owner, started.GetProperty("jobId").GetGuid());
    }

    private static Task<JobView> WaitForAsync(TestUser user, Guid id, Func<JobView, bool> condition) =>
        JobWait.UntilAsync(user, id, condition, StoriesHost.Patience);

    [Fact]
    public async Task FailedSegmentError_IsShownToItsCreatorTheOwnerAndModerators_OthersReadAGenericMessage()
    {
        var owner = await fixture.UserAsync();
        var contributor = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Shared", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        var segmentId = (await StoriesHost.ContinueAsync(contributor, id, "A quiet noon")).GetProperty("id").GetGuid();
        // As a provider's exception leaves it: the raw message names an internal host.
        const string raw = "connection refused by render-7.internal:9000";
        await fixture.Host.WithDbAsync(db => db.Set<Data.StorySegment>().Where(g => g.Id == segmentId)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, Data.SegmentStatus.Failed).SetProperty(g => g.Error, raw)));

        foreach (var insider in new[] { owner, contributor, moderator })
        {
            Assert.Equal(raw, (await StoriesHost.SegmentAsync(insider, id, segmentId)).GetProperty("error").GetString());
        }

        var seen = await StoriesHost.SegmentAsync(stranger, id, segmentId);
        Assert.Equal("failed", seen.GetProperty("status").GetString());
        Assert.Equal("generation failed", seen.GetProperty("error").GetString());
    }

    [Fact]
    public async Task JobCancelledWhileQueued_EndsItsSegmentFailed_AndTheSceneCanGoOn()
    {
        var user = await fixture.UserAsync();
        fixture.Video.FailNext(1);
        var started = await StoriesHost.StartSceneAsync(user, new { title = "Cancelled", prompt = "A quiet dawn" });
        var jobId = started.GetProperty("jobId").GetGuid();
        var sceneId = started.GetProperty("sceneId").GetGuid();
        var segmentId = started.GetProperty("segmentId").GetGuid();
        // The first attempt failed: the job waits, queued, for a retry that the test clock never makes due.
        await WaitForAsync(user, jobId, j => j.Attempts == 1 && j.Status == JobStatus.Queued);
        Assert.Equal("generating", (await StoriesHost.SegmentAsync(user, sceneId, segmentId)).GetProperty("status").GetString());

        Assert.True((await user.Client.DeleteAsync($"/api/jobs/{jobId}")).IsSuccessStatusCode);
        Assert.Equal(JobStatus.Cancelled, (await user.Client.GetFromJsonAsync<JobView>($"/api/jobs/{jobId}"))!.Status);

        var segment = await StoriesHost.SegmentAsync(user, sceneId, segmentId);
        Assert.Equal("failed", segment.GetProperty("status").GetString());
        Assert.Equal("cancelled", segment.GetProperty("error").GetString());
        Assert.Equal(Data.SegmentStatus.Failed, await fixture.Host.WithDbAsync(db => db.Set<Data.StorySegment>().Where(g => g.Id == segmentId).Select(g => g.Status).SingleAsync()));
        var next = await StoriesHost.ContinueAsync(user, sceneId, "A quiet dusk");
        Assert.Equal("ready", next.GetProperty("status").GetString());
        Assert.Equal(1, next.GetProperty("index").GetInt32());
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("ban")]
    [InlineData("delete")]
    public async Task RemovingOrDeletingAScene_CancelsItsGeneratingSegment_WhichStoresNothing(string how)
    {
        var owner = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Cut short", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        JsonElement started;
        fixture.Video.Close();
        try
        {
            started = await StoriesHost.JsonAsync(await owner.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/segments", new { prompt = "A quiet noon" }), HttpStatusCode.Accepted);
            // Held at the render's start: the job is running and its segment generating.
            await WaitForAsync(owner, started.GetProperty("jobId").GetGuid(), j => j.Stage == "render");
            if (how == "delete")
            {
                Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/stories/scenes/{id}")).StatusCode);
            }
            else
            {
                await RemoveSceneAsync(id, how);
            }
        }
        finally
        {
            fixture.Video.Open();
        }

        var segmentId = started.GetProperty("segmentId").GetGuid();
        var job = await WaitForAsync(owner, started.GetProperty("jobId").GetGuid(), j => JobStatus.IsFinal(j.Status));
        Assert.Equal(JobStatus.Cancelled, job.Status);
        var stored = await fixture.Host.WithDbAsync(db => db.Set<Data.StorySegment>().AsNoTracking().SingleAsync(g => g.Id == segmentId));
        Assert.Equal(Data.SegmentStatus.Failed, stored.Status);
        Assert.Equal(Segments.SegmentCancel.RemovedError, stored.Error);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Data.StorySegmentFile>().CountAsync(f => f.SegmentId == segmentId)));
        Assert.Null(await fixture.Host.WithDbAsync(db => db.Set<Data.StoryScene>().Where(c => c.Id == id).Select(c => c.GeneratingSegmentId).SingleAsync()));
    }

    [Fact]
    public async Task ResolveThatFailsPartWay_LeavesTheReportOpen_AndNoBan()
    {
        var author = await fixture.UserAsync();
        var reporter = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        // Only this test uses the title: the trigger below matches on it.
        var scene = await StoriesHost.SceneAsync(author, new { title = "Unremovable", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        var report = await StoriesHost.JsonAsync(await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = id, reason = "no" }), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        // The database refuses this scene's removal, as a lost connection or a constraint would, after the report is claimed.
        await fixture.Host.WithDbAsync(async db =>
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse_removal BEFORE UPDATE OF \"Status\" ON story_scenes WHEN NEW.\"Title\" = 'Unremovable' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE OR REPLACE FUNCTION refuse_removal() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$ LANGUAGE plpgsql;");
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse_removal BEFORE UPDATE ON story_scenes FOR EACH ROW WHEN (NEW.\"Title\" = 'Unremovable' AND NEW.\"Status\" <> OLD.\"Status\") EXECUTE FUNCTION refuse_removal();");
            }

            return 0;
        });

        var failed = await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{reportId}/resolve", new { action = "ban" });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var stored = await fixture.Host.WithDbAsync(db => db.Set<Data.StoryReport>().AsNoTracking().SingleAsync(r => r.Id == reportId));
        Assert.Null(stored.ResolvedAt);
        Assert.NotNull(stored.OpenKey);
        Assert.False(await fixture.Host.WithDbAsync(db => db.Set<Data.StoryBan>().AnyAsync(b => b.UserId == author.Id)));
        Assert.Equal(Data.SceneStatus.Active, await fixture.Host.WithDbAsync(db => db.Set<Data.StoryScene>().Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        await fixture.Host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "DROP TRIGGER refuse_removal;" : "DROP TRIGGER refuse_removal ON story_scenes;"));
        // Still in the queue, so a moderator can decide it once the database lets them.
        var resolved = await StoriesHost.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{reportId}/resolve", new { action = "ban" }), HttpStatusCode.OK);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.True(await fixture.Host.WithDbAsync(db => db.Set<Data.StoryBan>().AnyAsync(b => b.UserId == author.Id)));
    }

    [Fact]
    public async Task StorySoFar_LeavesOutRemovedSegments_AndThoseOfARemovedAncestor()
    {
        var owner = await fixture.UserAsync();
        var forker = await fixture.UserAsync();
        var reporter = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var scene = await StoriesHost.SceneAsync(owner, new { title = "So far", prompt = "Mira climbs the old tower at dusk" });
        var id = scene.GetProperty("id").GetGuid();
        var first = scene.GetProperty("segments")[0];
        var firstSummary = first.GetProperty("summary").GetString()!;
        var second = await StoriesHost.ContinueAsync(owner, id, "Mira rests by the well at night");
        var secondSummary = second.GetProperty("summary").GetString()!;
        Assert.NotEqual(firstSummary, secondSummary);
        var forkId = await ForkAsync(forker, id, 2);

        // A removed segment: gone from the scene's story so far.
        var report = await StoriesHost.JsonAsync(
            await reporter.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = id, segmentId = first.GetProperty("id").GetGuid(), reason = "no" }), HttpStatusCode.Created);
        await StoriesHost.JsonAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{report.GetProperty("id")}/resolve", new { action = "remove" }), HttpStatusCode.OK);
        await StoriesHost.ContinueAsync(owner, id, "Mira walks to the harbour at dawn");
        var told = fixture.Narrator.Request("Mira walks to the harbour at dawn").PreviousSummary;
        Assert.DoesNotContain(firstSummary, told);
        Assert.Contains(secondSummary, told);

        // A removed ancestor: none of its segments are in the fork's story so far.
        await ForkContinueAsync("Mira sails past the cliffs at noon");
        Assert.Contains(secondSummary, fixture.Narrator.Request("Mira sails past the cliffs at noon").PreviousSummary);
        await RemoveSceneAsync(id);
        await ForkContinueAsync("Mira lands on the island at dusk");
        told = fixture.Narrator.Request("Mira lands on the island at dusk").PreviousSummary;
        Assert.DoesNotContain(firstSummary, told);
        Assert.DoesNotContain(secondSummary, told);

        async Task ForkContinueAsync(string prompt)
        {
            var started = await StoriesHost.JsonAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{forkId}/segments", new { prompt }), HttpStatusCode.Accepted);
            await StoriesHost.JobAsync(forker, started.GetProperty("jobId").GetGuid());
        }
    }

    [Fact]
    public async Task Tree_CountsOnlyTheSegmentsEachSceneShowsTheCaller()
    {
        var owner = await fixture.UserAsync();
        var forker = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Counted", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        await StoriesHost.ContinueAsync(owner, id, "A quiet noon");
        var forkId = await ForkAsync(forker, id, 2);
        await StoriesHost.ContinueAsync(forker, forkId, "A quiet dusk");

        await RemoveSceneAsync(id);

        // Others see none of the removed original's segments in the fork: only the fork's own.
        foreach (var viewer in new[] { forker, stranger })
        {
            var root = (await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}/tree")).GetProperty("root");
            Assert.True(root.GetProperty("hidden").GetBoolean());
            Assert.Equal(0, root.GetProperty("segmentCount").GetInt32());
            Assert.Equal(1, root.GetProperty("children")[0].GetProperty("segmentCount").GetInt32());
        }

        // The removed scene's owner still sees its segments, shared ones included.
        var seen = (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}/tree")).GetProperty("root");
        Assert.Equal(2, seen.GetProperty("segmentCount").GetInt32());
        Assert.Equal(3, seen.GetProperty("children")[0].GetProperty("segmentCount").GetInt32());
    }

    [Fact]
    public async Task Stranger_Gets404_OnEveryReadAndReportOfAPrivateScene()
    {
        var owner = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Private", prompt = "A quiet dawn", topicId = await FantasyAsync(owner), visibility = "private" });
        var id = scene.GetProperty("id").GetGuid();
        var segmentId = scene.GetProperty("segments")[0].GetProperty("id").GetGuid();
        string[] paths = [$"tree", "bible/entities/char_mira/portrait.png", "playlist.m3u8", "subtitles.m3u8", "video.m3u8", "bible"];

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/stories/scenes/{id}/{path}")).StatusCode);
            await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/scenes/{id}/{path}"), HttpStatusCode.NotFound);
        }

        await ProblemJson.AssertAsync(await stranger.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = id, reason = "peek" }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await stranger.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = id, segmentId, reason = "peek" }), HttpStatusCode.NotFound);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<Data.StoryReport>().CountAsync(r => r.SceneId == id)));
    }

    [Fact]
    public async Task ForkAndContinue_AreAudited()
    {
        var owner = await fixture.UserAsync();
        var forker = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Audited", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        var segment = await StoriesHost.ContinueAsync(owner, id, "A quiet noon");
        var forkId = await ForkAsync(forker, id, 2);

        var created = await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "stories.segment.create" && a.Target == $"story_scene:{id}").ToListAsync());
        var entry = Assert.Single(created);
        Assert.Equal(owner.Id.ToString(), entry.Actor);
        Assert.Contains(segment.GetProperty("id").GetString()!, entry.Details);
        var forked = Assert.Single(await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "stories.scene.fork" && a.Target == $"story_scene:{forkId}").ToListAsync()));
        Assert.Equal(forker.Id.ToString(), forked.Actor);
        Assert.Contains(id.ToString(), forked.Details);
    }

    private static async Task<Guid> FantasyAsync(TestUser user) =>
        (await user.Client.GetFromJsonAsync<JsonElement>("/api/stories/topics")).EnumerateArray()
            .Single(t => t.GetProperty("slug").GetString() == "fantasy").GetProperty("id").GetGuid();
}
