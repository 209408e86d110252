using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Stories.Tests;

[Trait("Category", "Integration")]
public sealed class BibleAndForkTests(StoriesHost fixture) : IClassFixture<StoriesHost>
{
    private static async Task<Guid> FantasyAsync(TestUser user) =>
        (await user.Client.GetFromJsonAsync<JsonElement>("/api/stories/topics")).EnumerateArray()
            .Single(t => t.GetProperty("slug").GetString() == "fantasy").GetProperty("id").GetGuid();

    private static HttpRequestMessage Put(Guid sceneId, string body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/stories/scenes/{sceneId}/bible") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }

        return request;
    }

    [Fact]
    public async Task Bible_StartsFromTheTopicCast_CorrectsWithETags_AndRefusesBadCorrectionsByPath()
    {
        var owner = await fixture.UserAsync();
        var other = await fixture.UserAsync();
        var started = await StoriesHost.StartSceneAsync(owner, new { title = "Bible", prompt = "Mira waits", topicId = await FantasyAsync(owner) });
        var id = started.GetProperty("sceneId").GetGuid();
        await StoriesHost.JobAsync(owner, started.GetProperty("jobId").GetGuid());

        var read = await owner.Client.GetAsync($"/api/stories/scenes/{id}/bible");
        Assert.Equal("\"0\"", read.Headers.ETag?.Tag);
        var bible = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("worldloom-bible/1", bible.GetProperty("format").GetString());
        Assert.Contains(bible.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString() == "char_mira");

        const string bows = """{"edit":{"kind":"put_rule","rule":{"id":"bows","text":"no bows"}}}""";
        var corrected = await owner.Client.SendAsync(Put(id, bows, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("\"1\"", corrected.Headers.ETag?.Tag);
        var change = JsonDocument.Parse(await corrected.Content.ReadAsStringAsync()).RootElement.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(2, change.GetProperty("fromSegment").GetInt32());

        await ProblemJson.AssertAsync(await owner.Client.SendAsync(Put(id, bows, "\"0\"")), HttpStatusCode.PreconditionFailed, "If-Match");
        await ProblemJson.AssertAsync(await other.Client.SendAsync(Put(id, bows)), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await owner.Client.SendAsync(Put(Guid.NewGuid(), bows)), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await owner.Client.SendAsync(Put(id, "{\"edit\":")), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await owner.Client.SendAsync(Put(id, "")), HttpStatusCode.BadRequest, "body");
        await ProblemJson.AssertAsync(await owner.Client.SendAsync(Put(id, """{"edit":{"kind":"paint"}}""")), HttpStatusCode.BadRequest, "edit.kind");
        await ProblemJson.AssertAsync(
            await owner.Client.SendAsync(Put(id, """{"edit":{"kind":"put_rule","rule":{"id":"cloak2","text":"char_mira always wears blue cloak"}}}""")), HttpStatusCode.BadRequest);
        await ProblemJson.AssertAsync(await owner.Client.SendAsync(Put(id, """{"edit":{"kind":"remove_rule","id":"bows"},"fromSegment":1}""")), HttpStatusCode.BadRequest, "fromSegment");
        await ProblemJson.AssertAsync(
            await owner.Client.SendAsync(Put(id, "{\"edit\":{\"kind\":\"put_rule\",\"rule\":{\"id\":\"big\",\"text\":\"no " + new string('x', 300) + "\"}}}")), HttpStatusCode.BadRequest);
        Assert.Equal("\"1\"", (await owner.Client.GetAsync($"/api/stories/scenes/{id}/bible")).Headers.ETag?.Tag);
        Assert.Single(await fixture.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "stories.bible.correct" && a.Target == $"story_scene:{id}").ToListAsync()));

        var portrait = await owner.Client.GetAsync($"/api/stories/scenes/{id}/bible/entities/char_mira/portrait.png");
        Assert.Equal("image/png", portrait.Content.Headers.ContentType?.MediaType);
        var png = await portrait.Content.ReadAsByteArrayAsync();
        Assert.Equal(256, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        await ProblemJson.AssertAsync(await owner.Client.GetAsync($"/api/stories/scenes/{id}/bible/entities/char_nobody/portrait.png"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fork_SharesSegmentsAndMedia_CopiesVisibilityAndBible_AndTheTreeShowsIt()
    {
        var owner = await fixture.UserAsync();
        var forker = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Trunk", prompt = "Mira finds the tower", topicId = await FantasyAsync(owner) });
        var id = scene.GetProperty("id").GetGuid();
        var one = scene.GetProperty("segments")[0].GetProperty("id").GetGuid();
        var two = await StoriesHost.ContinueAsync(owner, id, "Mira climbs the tower");
        var later = await owner.Client.SendAsync(Put(id, """{"edit":{"kind":"put_rule","rule":{"id":"late","text":"no lanterns"}},"fromSegment":3}"""));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);

        await ProblemJson.AssertAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 0 }), HttpStatusCode.BadRequest, "atSegment");
        await ProblemJson.AssertAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 3 }), HttpStatusCode.BadRequest, "atSegment");
        await ProblemJson.AssertAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { }), HttpStatusCode.BadRequest, "atSegment");
        await ProblemJson.AssertAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{Guid.NewGuid()}/fork", new { atSegment = 1 }), HttpStatusCode.NotFound);
        var created = await StoriesHost.JsonAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1, title = "Branch" }), HttpStatusCode.Created);
        var forkId = created.GetProperty("sceneId").GetGuid();

        var fork = await forker.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}");
        Assert.Equal(id, fork.GetProperty("parentSceneId").GetGuid());
        Assert.Equal(1, fork.GetProperty("forkedAtSegment").GetInt32());
        Assert.Equal(id, fork.GetProperty("rootSceneId").GetGuid());
        Assert.Equal([one], fork.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        // The bible as of the fork point: the correction for the parent's segment 3 did not come along.
        var forkBible = await forker.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}/bible");
        Assert.Equal(0, forkBible.GetProperty("changes").GetArrayLength());

        var own = await StoriesHost.ContinueAsync(forker, forkId, "Tomas meets Mira at the tower");
        Assert.Equal(2, own.GetProperty("index").GetInt32());
        Assert.Equal(forkId, own.GetProperty("sceneId").GetGuid());
        var playlist = await forker.Client.GetStringAsync($"/api/stories/scenes/{forkId}/video.m3u8");
        Assert.Contains($"../../segments/{one}/media/", playlist);
        Assert.DoesNotContain(two.GetProperty("id").GetString()!, playlist);
        // Nothing was copied: the fork's only segment row is its own.
        Assert.Equal([own.GetProperty("id").GetGuid()], await fixture.Host.WithDbAsync(db => db.Set<Data.StorySegment>().Where(g => g.SceneId == forkId).Select(g => g.Id).ToListAsync()));

        var tree = await forker.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}/tree");
        Assert.Equal(forkId, tree.GetProperty("current").GetGuid());
        Assert.Equal(id, tree.GetProperty("root").GetProperty("sceneId").GetGuid());
        Assert.Equal(2, tree.GetProperty("root").GetProperty("segmentCount").GetInt32());
        var child = tree.GetProperty("root").GetProperty("children").EnumerateArray().Single();
        Assert.Equal("Branch", child.GetProperty("title").GetString());
        Assert.Equal(2, child.GetProperty("segmentCount").GetInt32());

        // The original's owner deletes it: the fork keeps the shared segment and its media; the tree keeps a hidden root.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/stories/scenes/{id}")).StatusCode);
        var after = await forker.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}");
        Assert.Equal(one, after.GetProperty("segments")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await forker.Client.GetAsync($"/api/stories/segments/{one}/media/video_000.ts")).StatusCode);
        // The parent's second segment is in no scene the forker can see any more.
        await ProblemJson.AssertAsync(await forker.Client.GetAsync($"/api/stories/segments/{two.GetProperty("id")}/media/video_000.ts"), HttpStatusCode.NotFound);
        var hiddenRoot = (await forker.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{forkId}/tree")).GetProperty("root");
        Assert.True(hiddenRoot.GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hiddenRoot.GetProperty("title").ValueKind);
    }

    [Fact]
    public async Task SegmentMedia_OfDeletedScenes_IsServedToWhoeverSeesAForkThatShowsIt_ThroughTheWholeChain()
    {
        var owner = await fixture.UserAsync();
        var forker = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Trunk", prompt = "Mira finds the tower" });
        var id = scene.GetProperty("id").GetGuid();
        var one = scene.GetProperty("segments")[0].GetProperty("id").GetGuid();
        var two = (await StoriesHost.ContinueAsync(owner, id, "Mira climbs the tower")).GetProperty("id").GetGuid();
        var branch = (await StoriesHost.JsonAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 2 }), HttpStatusCode.Created)).GetProperty("sceneId").GetGuid();
        var twig = (await StoriesHost.JsonAsync(await forker.Client.PostAsJsonAsync($"/api/stories/scenes/{branch}/fork", new { atSegment = 1 }), HttpStatusCode.Created)).GetProperty("sceneId").GetGuid();

        // With the original and the branch deleted, segment 1 is shown only by the twig, two deleted scenes down.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/stories/scenes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await forker.Client.DeleteAsync($"/api/stories/scenes/{branch}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Client.GetAsync($"/api/stories/segments/{one}/media/poster.png")).StatusCode);
        // Segment 2 is past the twig's fork point: no scene anyone sees shows it.
        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/segments/{two}/media/poster.png"), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await forker.Client.DeleteAsync($"/api/stories/scenes/{twig}")).StatusCode);
        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/segments/{one}/media/poster.png"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await owner.Client.GetAsync($"/api/stories/segments/{one}/media/poster.png"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fork_OfAPrivateScene_IsPrivate_AndOthersCannotFork()
    {
        var owner = await fixture.UserAsync();
        var stranger = await fixture.UserAsync();
        var scene = await StoriesHost.SceneAsync(owner, new { title = "Closed", prompt = "A quiet dusk", visibility = "private" });
        var id = scene.GetProperty("id").GetGuid();

        await ProblemJson.AssertAsync(await stranger.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1 }), HttpStatusCode.NotFound);
        var fork = await StoriesHost.JsonAsync(await owner.Client.PostAsJsonAsync($"/api/stories/scenes/{id}/fork", new { atSegment = 1 }), HttpStatusCode.Created);

        var view = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{fork.GetProperty("sceneId")}");
        Assert.Equal("private", view.GetProperty("visibility").GetString());
        Assert.Equal("Closed (fork)", view.GetProperty("title").GetString());
        await ProblemJson.AssertAsync(await stranger.Client.GetAsync($"/api/stories/scenes/{fork.GetProperty("sceneId")}/tree"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ForkOfAFork_ShowsEachAncestorUpToItsForkPoint_AndContinuesAfterThem()
    {
        var user = await fixture.UserAsync();
        var a = await StoriesHost.SceneAsync(user, new { title = "A", prompt = "A quiet dawn on the grassland" });
        var aId = a.GetProperty("id").GetGuid();
        var a1 = a.GetProperty("segments")[0].GetProperty("id").GetGuid();
        var a2 = (await StoriesHost.ContinueAsync(user, aId, "Rain on the grassland")).GetProperty("id").GetGuid();
        var a3 = (await StoriesHost.ContinueAsync(user, aId, "Fog on the grassland")).GetProperty("id").GetGuid();
        var bId = (await StoriesHost.JsonAsync(await user.Client.PostAsJsonAsync($"/api/stories/scenes/{aId}/fork", new { atSegment = 2 }), HttpStatusCode.Created)).GetProperty("sceneId").GetGuid();
        var b3 = await StoriesHost.ContinueAsync(user, bId, "Snow on the grassland");
        var b4 = (await StoriesHost.ContinueAsync(user, bId, "Wind on the grassland")).GetProperty("id").GetGuid();

        var cId = (await StoriesHost.JsonAsync(await user.Client.PostAsJsonAsync($"/api/stories/scenes/{bId}/fork", new { atSegment = 3 }), HttpStatusCode.Created)).GetProperty("sceneId").GetGuid();
        var c4 = await StoriesHost.ContinueAsync(user, cId, "Night on the grassland");

        Assert.Equal(3, b3.GetProperty("index").GetInt32());
        Assert.Equal(4, c4.GetProperty("index").GetInt32());
        var c = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{cId}");
        Assert.Equal([a1, a2, b3.GetProperty("id").GetGuid(), c4.GetProperty("id").GetGuid()], c.GetProperty("segments").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()));
        Assert.Equal(aId, c.GetProperty("rootSceneId").GetGuid());
        var playlist = await user.Client.GetStringAsync($"/api/stories/scenes/{cId}/video.m3u8");
        Assert.Equal(3, playlist.Split('\n').Count(l => l == "#EXT-X-DISCONTINUITY"));
        Assert.DoesNotContain(a3.ToString(), playlist);
        Assert.DoesNotContain(b4.ToString(), playlist);
        var tree = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{cId}/tree")).GetProperty("root");
        Assert.Equal(3, tree.GetProperty("segmentCount").GetInt32());
        var b = tree.GetProperty("children").EnumerateArray().Single();
        Assert.Equal(4, b.GetProperty("segmentCount").GetInt32());
        Assert.Equal(4, b.GetProperty("children").EnumerateArray().Single().GetProperty("segmentCount").GetInt32());
    }
}
