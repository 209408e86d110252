using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Worldloom.Stories.Tests;

[Trait("Category", "Integration")]
public sealed class ScenesApiTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    private static async Task<Guid> TopicAsync(TestUser user, string slug)
    {
        var topics = await user.Client.GetFromJsonAsync<JsonElement>("/api/stories/topics");
        return topics.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == slug).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Create_GeneratesSegmentOne_WithStagesFilesInTheBlobStoreAndAnAuditEntry()
    {
        var user = await fixture.UserAsync();
        var topic = await TopicAsync(user, "fantasy");

        var started = await StoriesHost.StartSceneAsync(user, new { title = "The bell", prompt = "Mira climbs the old tower at dusk", topicId = topic, logline = "A climb." });
        var job = await StoriesHost.JobAsync(user, started.GetProperty("jobId").GetGuid());
        var sceneId = started.GetProperty("sceneId").GetGuid();
        var scene = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{sceneId}");

        Assert.Equal(100, job.Progress);
        Assert.Equal("The bell", scene.GetProperty("title").GetString());
        Assert.Equal("Tester", scene.GetProperty("ownerName").GetString());
        Assert.Equal(sceneId, scene.GetProperty("rootSceneId").GetGuid());
        var segment = scene.GetProperty("segments").EnumerateArray().Single();
        Assert.Equal("ready", segment.GetProperty("status").GetString());
        Assert.Equal(1, segment.GetProperty("index").GetInt32());
        Assert.True(segment.GetProperty("continuity").GetProperty("passed").GetBoolean());
        // The narrator aims at the configured 3 s; whole shots of at least a second may run it longer, never past the plan bound.
        Assert.InRange(segment.GetProperty("durationMs").GetInt64(), 3000, 60000);
        Assert.Contains("Mira", segment.GetProperty("summary").GetString());

        // Every file is a blob of the store, served with its type and its hash as the ETag.
        var segmentId = segment.GetProperty("id").GetGuid();
        var files = await fixture.Host.WithDbAsync(db => db.Set<StorySegmentFile>().Where(f => f.SegmentId == segmentId).ToListAsync());
        Assert.Contains(files, f => f.Name == "video_000.ts" && f.ContentType == "video/mp2t");
        Assert.Contains(files, f => f.Name == "subtitles.vtt");
        var blobs = fixture.Host.Services.GetRequiredService<IBlobStore>();
        foreach (var file in files)
        {
            Assert.True(await blobs.ExistsAsync(file.Sha256), file.Name);
        }

        var poster = await user.Client.GetAsync(segment.GetProperty("posterUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, poster.StatusCode);
        Assert.Equal("image/png", poster.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"\"{files.Single(f => f.Name == "poster.png").Sha256}\"", poster.Headers.ETag?.Tag);
        var conditional = new HttpRequestMessage(HttpMethod.Get, segment.GetProperty("posterUrl").GetString());
        conditional.Headers.IfNoneMatch.Add(poster.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await user.Client.SendAsync(conditional)).StatusCode);
        var missing = await user.Client.GetAsync($"/api/stories/segments/{segmentId}/media/nothing.ts");
        await ProblemJson.AssertAsync(missing, HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/stories/segments/{Guid.NewGuid()}/media/poster.png"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/stories/scenes/{Guid.NewGuid()}/tree"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await user.Client.GetAsync($"/api/stories/scenes/{Guid.NewGuid()}/playlist.m3u8"), HttpStatusCode.NotFound);

        var listed = (await user.Client.GetFromJsonAsync<JsonElement>("/api/stories/scenes?mine=true")).EnumerateArray().Single();
        Assert.Equal(segment.GetProperty("posterUrl").GetString(), listed.GetProperty("posterUrl").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("segments").ValueKind);
        var audit = await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "stories.scene.create").Select(a => a.Target).ToListAsync());
        Assert.Contains($"story_scene:{sceneId}", audit);
        var topics = await user.Client.GetFromJsonAsync<JsonElement>("/api/stories/topics");
        Assert.True(topics.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == topic).GetProperty("sceneCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Continue_WhileASegmentIsInFlight_Is409_AndOfTwoAtOnceExactlyOneIsAccepted()
    {
        var user = await fixture.UserAsync();
        var topic = await TopicAsync(user, "fantasy");
        // Renders wait at the gate, so the first segment is surely still generating when the second is asked for.
        fixture.Video.Close();
        JsonElement started;
        Guid sceneId;
        try
        {
            started = await StoriesHost.StartSceneAsync(user, new { title = "Race", prompt = "Mira waits by the tower", topicId = topic });
            sceneId = started.GetProperty("sceneId").GetGuid();
            var during = await user.Client.PostAsJsonAsync($"/api/stories/scenes/{sceneId}/segments", new { prompt = "Mira rests" });
            await ProblemJson.AssertAsync(during, HttpStatusCode.Conflict, "id");
        }
        finally
        {
            fixture.Video.Open();
        }

        await StoriesHost.JobAsync(user, started.GetProperty("jobId").GetGuid());
        var other = await fixture.UserAsync();
        var clients = new[] { user, other, user, other };
        // The winner's render waits at the gate until all four have answered: a request that a busy machine delays past
        // a finished segment would rightly be accepted as the segment after it.
        fixture.Video.Close();
        HttpResponseMessage[] both;
        try
        {
            both = await Task.WhenAll(clients.Select((c, i) => c.Client.PostAsJsonAsync($"/api/stories/scenes/{sceneId}/segments", new { prompt = $"Mira rests at dawn, take {i}" })));
        }
        finally
        {
            fixture.Video.Open();
        }

        var answers = string.Join(" | ", await Task.WhenAll(both.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.True(both.Count(r => r.StatusCode == HttpStatusCode.Accepted) == 1 && both.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 3, answers);
        var winner = clients[Array.FindIndex(both, r => r.StatusCode == HttpStatusCode.Accepted)];
        var accepted = await both.Single(r => r.StatusCode == HttpStatusCode.Accepted).Content.ReadFromJsonAsync<JsonElement>();
        await StoriesHost.JobAsync(winner, accepted.GetProperty("jobId").GetGuid());
        var scene = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{sceneId}");
        Assert.Equal([1, 2], scene.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("index").GetInt32()));
    }

    [Fact]
    public async Task BlockedSegment_NamesTheRule_AndDoesNotUseUpItsIndex()
    {
        var user = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(user, new { title = "Grief", prompt = "Mira and Tomas walk to the tower", topicId = await TopicAsync(user, "fantasy") });
        var sceneId = scene.GetProperty("id").GetGuid();
        var dead = await user.Client.PutAsJsonAsync($"/api/stories/scenes/{sceneId}/bible", new { edit = new { kind = "put_rule", rule = new { id = "gone", text = "char_tomas is dead" } } });
        await StoriesHost.JsonAsync(dead, HttpStatusCode.OK);

        var blocked = await StoriesHost.ContinueAsync(user, sceneId, "Tomas says farewell to Mira");
        var ready = await StoriesHost.ContinueAsync(user, sceneId, "Mira mourns at the tower");

        Assert.Equal("blocked", blocked.GetProperty("status").GetString());
        Assert.False(blocked.GetProperty("continuity").GetProperty("passed").GetBoolean());
        Assert.Contains(blocked.GetProperty("continuity").GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "gone");
        Assert.Contains("gone", blocked.GetProperty("error").GetString());
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(2, ready.GetProperty("index").GetInt32());
        var playlist = await user.Client.GetStringAsync($"/api/stories/scenes/{sceneId}/video.m3u8");
        Assert.DoesNotContain(blocked.GetProperty("id").GetString()!, playlist);
        Assert.Contains(ready.GetProperty("id").GetString()!, playlist);
    }

    [Theory]
    [InlineData("""{"prompt":"Mira waits"}""", "title")]
    [InlineData("""{"title":"  ","prompt":"Mira waits"}""", "title")]
    [InlineData("""{"title":"T"}""", "prompt")]
    [InlineData("""{"title":"T","prompt":""}""", "prompt")]
    [InlineData("""{"title":"T","prompt":"Mira waits","visibility":"friends"}""", "visibility")]
    [InlineData("""{"title":"T","prompt":"Mira waits","topicId":"00000000-0000-0000-0000-000000000001"}""", "topicId")]
    [InlineData("""{"title":"T","prompt":"Mira waits","worldId":"00000000-0000-0000-0000-000000000001"}""", "worldId")]
    public async Task Create_WithBadFields_IsAProblemNamingTheField_AndChangesNothing(string body, string field)
    {
        var user = await fixture.UserAsync();
        var response = await user.Client.PostAsync("/api/stories/scenes", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().CountAsync(s => s.OwnerId == user.Id)));
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.QuotaUsage.CountAsync(q => q.UserId == user.Id)));
    }

    [Fact]
    public async Task Create_WithHugeOrMalformedBodies_IsRefused()
    {
        var user = await fixture.UserAsync();
        var huge = await user.Client.PostAsJsonAsync("/api/stories/scenes", new { title = new string('t', 121), prompt = new string('p', 1001) });
        var json = await ProblemJson.AssertAsync(huge, HttpStatusCode.BadRequest, "title");
        Assert.True(json.GetProperty("errors").TryGetProperty("prompt", out _));
        var malformed = await user.Client.PostAsync("/api/stories/scenes", new StringContent("{\"title\":", Encoding.UTF8, "application/json"));
        await ProblemJson.AssertAsync(malformed, HttpStatusCode.BadRequest);
        var anonymous = await fixture.Host.Client().PostAsJsonAsync("/api/stories/scenes", new { title = "T", prompt = "Mira" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().CountAsync(s => s.OwnerId == user.Id)));
    }

    [Fact]
    public async Task QuotaSpent_Is429WithTheLimit_AndQueuesNothing()
    {
        var user = await fixture.UserAsync(tier: Tiers.Free);
        var scene = await StoriesHost.SceneAsync(user, new { title = "One", prompt = "A quiet dawn on the grassland" });
        await StoriesHost.ContinueAsync(user, scene.GetProperty("id").GetGuid(), "Rain falls on the grassland");

        var third = await user.Client.PostAsJsonAsync($"/api/stories/scenes/{scene.GetProperty("id")}/segments", new { prompt = "Fog rolls in" });

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("2", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var after = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{scene.GetProperty("id")}");
        Assert.Equal(2, after.GetProperty("segments").GetArrayLength());
        // The claim was given back: once the week turns, the scene can be continued.
        Assert.Null(await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().Where(s => s.Id == scene.GetProperty("id").GetGuid()).Select(s => s.GeneratingSegmentId).SingleAsync()));
    }

    [Fact]
    public async Task PrivateScenes_AreNotFoundForOthers_AndListsShowOnlyWhatOneMaySee()
    {
        var owner = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var hidden = await StoriesHost.StartSceneAsync(owner, new { title = "Secret diary zq", prompt = "A quiet dawn", visibility = "private" });
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        var shown = await StoriesHost.StartSceneAsync(owner, new { title = "Open diary zq", prompt = "A quiet dusk" });
        var hiddenId = hidden.GetProperty("sceneId").GetGuid();

        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/scenes/{hiddenId}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/scenes/{hiddenId}/bible"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await stranger.Client.PostAsJsonAsync($"/api/stories/scenes/{hiddenId}/segments", new { prompt = "x" }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/scenes/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await moderator.Client.GetAsync($"/api/stories/scenes/{hiddenId}")).StatusCode);

        var strangers = await stranger.Client.GetFromJsonAsync<JsonElement>("/api/stories/scenes?q=DIARY%20ZQ&limit=50");
        Assert.Equal([shown.GetProperty("sceneId").GetGuid()], strangers.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        var mine = await owner.Client.GetFromJsonAsync<JsonElement>("/api/stories/scenes?mine=true");
        Assert.Equal([shown.GetProperty("sceneId").GetGuid(), hiddenId], mine.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        var page = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes?mine=true&limit=1&before={Uri.EscapeDataString(mine[0].GetProperty("createdAt").GetString()!)}");
        Assert.Equal(hiddenId, page.EnumerateArray().Single().GetProperty("id").GetGuid());

        await ProblemJson.AssertAsync(await owner.Client.GetAsync("/api/stories/scenes?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemJson.AssertAsync(await owner.Client.GetAsync("/api/stories/scenes?topic=abc"), HttpStatusCode.BadRequest, "topic");
        await ProblemJson.AssertAsync(await owner.Client.GetAsync("/api/stories/scenes?before=yesterday"), HttpStatusCode.BadRequest, "before");
        await ProblemJson.AssertAsync(await owner.Client.GetAsync("/api/stories/scenes?mine=maybe"), HttpStatusCode.BadRequest, "mine");
        await StoriesHost.JobAsync(owner, hidden.GetProperty("jobId").GetGuid());
        await StoriesHost.JobAsync(owner, shown.GetProperty("jobId").GetGuid());
    }

    [Fact]
    public async Task List_PagesByCreatedAtAndId_ShowingScenesThatShareACreatedAtExactlyOnce()
    {
        var owner = await fixture.UserAsync();
        var started = new List<JsonElement>();
        for (var i = 0; i < 4; i++)
        {
            started.Add(await StoriesHost.StartSceneAsync(owner, new { title = $"Same instant {i}", prompt = "A quiet dawn" }));
        }

        // Scenes made within one millisecond share their createdAt; the page boundary falls among them.
        var ids = started.Select(s => s.GetProperty("sceneId").GetGuid()).ToList();
        var instant = fixture.Host.Clock.GetUtcNow();
        await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, instant)));
        var whole = await owner.Client.GetFromJsonAsync<JsonElement>("/api/stories/scenes?mine=true&limit=50");
        Assert.Equal(ids.Order(), whole.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Order());

        var paged = new List<Guid>();
        var url = "/api/stories/scenes?mine=true&limit=1";
        while (paged.Count <= ids.Count)
        {
            var page = await owner.Client.GetFromJsonAsync<JsonElement>(url);
            if (page.GetArrayLength() == 0)
            {
                break;
            }

            var last = page[page.GetArrayLength() - 1];
            paged.AddRange(page.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
            url = $"/api/stories/scenes?mine=true&limit=1&before={Uri.EscapeDataString(last.GetProperty("createdAt").GetString()!)}&beforeId={last.GetProperty("id").GetGuid()}";
        }

        Assert.Equal(whole.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()), paged);
        // before alone still means "made earlier than": none of them.
        var earlier = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes?mine=true&before={Uri.EscapeDataString(whole[0].GetProperty("createdAt").GetString()!)}");
        Assert.Equal(0, earlier.GetArrayLength());
        await ProblemJson.AssertAsync(await owner.Client.GetAsync($"/api/stories/scenes?before={Uri.EscapeDataString(whole[0].GetProperty("createdAt").GetString()!)}&beforeId=abc"), HttpStatusCode.BadRequest, "beforeId");
        await ProblemJson.AssertAsync(await owner.Client.GetAsync($"/api/stories/scenes?beforeId={ids[0]}"), HttpStatusCode.BadRequest, "beforeId");
        foreach (var scene in started)
        {
            await StoriesHost.JobAsync(owner, scene.GetProperty("jobId").GetGuid());
        }
    }

    [Fact]
    public async Task Delete_ByAnotherUser_IsForbidden_ByTheOwner_HidesTheScene()
    {
        var owner = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Short", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await other.Client.DeleteAsync($"/api/stories/scenes/{id}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/stories/scenes/{id}")).StatusCode);

        await ProblemJson.AssertAsync(await owner.Client.GetAsync($"/api/stories/scenes/{id}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await owner.Client.DeleteAsync($"/api/stories/scenes/{id}"), HttpStatusCode.NotFound);
        Assert.Contains($"story_scene:{id}", await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "stories.scene.delete").Select(a => a.Target).ToListAsync()));
    }

    [Fact]
    public async Task OpenApi_DescribesTheStoriesEndpoints()
    {
        var doc = await fixture.Host.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/stories/topics", "/api/stories/scenes", "/api/stories/scenes/{id}/segments", "/api/stories/scenes/{id}/bible", "/api/stories/scenes/{id}/fork",
            "/api/stories/scenes/{id}/tree", "/api/stories/scenes/{id}/playlist.m3u8", "/api/stories/segments/{id}/media/{name}", "/api/stories/reports",
            "/api/admin/stories/reports", "/api/admin/stories/topics",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task Continue_Fork_Topics_AndResolve_WithBadBodies_AreProblemsNamingTheField()
    {
        var user = await fixture.UserAsync();
        var admin = await fixture.UserAsync(Roles.Admin);
        var moderator = await fixture.UserAsync(Roles.Moderator);
        var scene = await StoriesHost.SceneAsync(user, new { title = "Inputs", prompt = "A quiet dawn" });
        var id = scene.GetProperty("id").GetGuid();
        var json = (string body) => new StringContent(body, Encoding.UTF8, "application/json");

        await ProblemJson.AssertAsync(await user.Client.PostAsync($"/api/stories/scenes/{id}/segments", json("{}")), HttpStatusCode.BadRequest, "prompt");
        await ProblemJson.AssertAsync(await user.Client.PostAsync($"/api/stories/scenes/{id}/segments", json("""{"prompt":"   "}""")), HttpStatusCode.BadRequest, "prompt");
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/segments", new { prompt = new string('p', 1001) }), HttpStatusCode.BadRequest, "prompt");
        await ProblemJson.AssertAsync(await user.Client.PostAsync($"/api/stories/scenes/{id}/segments", json("""{"prompt":""")), HttpStatusCode.BadRequest);
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync($"/api/stories/scenes/{Guid.NewGuid()}/segments", new { prompt = "A dusk" }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1, title = new string('t', 121) }), HttpStatusCode.BadRequest, "title");
        await ProblemJson.AssertAsync(await user.Client.PostAsync($"/api/stories/scenes/{id}/fork", json("""{"atSegment":"one"}""")), HttpStatusCode.BadRequest);
        await ProblemJson.AssertAsync(await admin.Client.PostAsync("/api/admin/stories/topics", json("""{"slug":""")), HttpStatusCode.BadRequest);
        await ProblemJson.AssertAsync(await admin.Client.PostAsync("/api/admin/stories/topics", json("{}")), HttpStatusCode.BadRequest, "slug");
        await ProblemJson.AssertAsync(await moderator.Client.PostAsJsonAsync($"/api/admin/stories/reports/{Guid.NewGuid()}/resolve", new { action = "approve", note = new string('n', 1001) }), HttpStatusCode.BadRequest, "note");
        await ProblemJson.AssertAsync(await user.Client.PostAsJsonAsync("/api/stories/reports", new { sceneId = id, reason = new string('r', 1001) }), HttpStatusCode.BadRequest, "reason");

        var after = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{id}");
        Assert.Equal(1, after.GetProperty("segments").GetArrayLength());
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.Set<StoryScene>().CountAsync(c => c.ParentSceneId == id)));
    }
}
