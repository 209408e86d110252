using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Search;

[Trait("Category", "Integration")]
public sealed class SearchApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    private static async Task<JsonElement> SearchAsync(TestUser user, string query) =>
        await ChatApi.GetAsync(user, "/api/chat/search?" + query);

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    private static List<string?> Bodies(JsonElement page) =>
        page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("body").GetString()).ToList();

    private static Guid Id(JsonElement message) => message.GetProperty("id").GetGuid();

    [Fact]
    public async Task Search_TermTwice_RanksAboveOnce_WithHighlightSegments()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        await ChatApi.MessageAsync(user, room, "a wyvern flew over the hills and the river");
        await ChatApi.MessageAsync(user, room, "wyvern! another wyvern by the river");
        await ChatApi.MessageAsync(user, room, "nothing to see");

        var page = await SearchAsync(user, Q("wyvern"));

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(["wyvern! another wyvern by the river", "a wyvern flew over the hills and the river"], Bodies(page));
        var results = page.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results[0].GetProperty("rank").GetDouble() > results[1].GetProperty("rank").GetDouble());
        var segments = results[0].GetProperty("highlight").EnumerateArray()
            .Select(s => (s.GetProperty("text").GetString(), s.GetProperty("match").GetBoolean())).ToList();
        Assert.Equal([("wyvern", true), ("! another ", false), ("wyvern", true), (" by the river", false)], segments);
    }

    [Fact]
    public async Task Search_PrefixOfTheLastWord_Finds_ButNotOfEarlierWords()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        await ChatApi.MessageAsync(user, room, "the red dragon sleeps");

        Assert.Equal(["the red dragon sleeps"], Bodies(await SearchAsync(user, Q("drag"))));
        Assert.Equal(["the red dragon sleeps"], Bodies(await SearchAsync(user, Q("RED Drag"))));
        Assert.Empty(Bodies(await SearchAsync(user, Q("dra sleeps"))));
        Assert.Equal(["the red dragon sleeps"], Bodies(await SearchAsync(user, Q("dr"))));
        Assert.Empty(Bodies(await SearchAsync(user, Q("d"))));
        var segments = (await SearchAsync(user, Q("drag"))).GetProperty("results")[0].GetProperty("highlight").EnumerateArray()
            .Where(s => s.GetProperty("match").GetBoolean()).Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Equal(["dragon"], segments);
    }

    [Fact]
    public async Task Search_EditedMessage_IsFoundByItsNewTextOnly()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        var message = await ChatApi.MessageAsync(user, room, "meet at the griffin inn");

        var edited = await user.Client.PatchAsJsonAsync($"/api/chat/messages/{Id(message)}", new { body = "meet at the basilisk tavern" });
        await ChatApi.JsonAsync(edited, HttpStatusCode.OK);

        Assert.Empty(Bodies(await SearchAsync(user, Q("griffin"))));
        var found = await SearchAsync(user, Q("basilisk"));
        Assert.Equal(["meet at the basilisk tavern"], Bodies(found));
        Assert.True(found.GetProperty("results")[0].GetProperty("message").GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task Search_DeletedMessage_Vanishes()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        var message = await ChatApi.MessageAsync(user, room, "the manticore password is secret");
        await ChatApi.MessageAsync(user, room, "a manticore was seen");

        var deleted = await user.Client.DeleteAsync($"/api/chat/messages/{Id(message)}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var page = await SearchAsync(user, Q("manticore"));
        Assert.Equal(["a manticore was seen"], Bodies(page));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Empty(Bodies(await SearchAsync(user, Q("password"))));
    }

    [Fact]
    public async Task Search_OtherUsersRooms_NeverAppear_NorPublicRoomsNotJoined()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var secret = await ChatApi.RoomAsync(alice, "private");
        var invited = await ChatApi.RoomAsync(alice, "invite_only");
        var open = await ChatApi.RoomAsync(alice, "public");
        await ChatApi.MessageAsync(alice, secret, "kraken in the private room");
        await ChatApi.MessageAsync(alice, invited, "kraken in the invite-only room");
        await ChatApi.MessageAsync(alice, open, "kraken in the public room");
        var bobs = await ChatApi.RoomAsync(bob, "private");
        await ChatApi.MessageAsync(bob, bobs, "bob's own kraken");

        Assert.Equal(["bob's own kraken"], Bodies(await SearchAsync(bob, Q("kraken"))));
        Assert.Equal(3, (await SearchAsync(alice, Q("kraken"))).GetProperty("total").GetInt32());

        await ChatApi.JoinAsync(bob, open);
        Assert.Equal(2, (await SearchAsync(bob, Q("kraken"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_AfterLeavingARoom_ItsMessagesStopAppearing()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var room = await ChatApi.RoomAsync(alice, "public");
        await ChatApi.JoinAsync(bob, room);
        await ChatApi.MessageAsync(alice, room, "the hydra has nine heads");
        Assert.Single(Bodies(await SearchAsync(bob, Q("hydra"))));

        var left = await bob.Client.PostAsync($"/api/chat/rooms/{room}/leave", null);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);

        var page = await SearchAsync(bob, Q("hydra"));
        Assert.Empty(Bodies(page));
        Assert.Equal(0, page.GetProperty("total").GetInt32());
        var inRoom = await bob.Client.GetAsync($"/api/chat/search?{Q("hydra")}&room={room}");
        Assert.Equal(HttpStatusCode.Forbidden, inRoom.StatusCode);
    }

    [Fact]
    public async Task Search_Filters_ByRoomAuthorAndBefore()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var one = await ChatApi.RoomAsync(alice, "public");
        var two = await ChatApi.RoomAsync(alice, "public");
        await ChatApi.JoinAsync(bob, one);
        await ChatApi.JoinAsync(bob, two);
        var first = await ChatApi.MessageAsync(alice, one, "phoenix one by alice");
        await ChatApi.MessageAsync(bob, one, "phoenix one by bob");
        var last = await ChatApi.MessageAsync(alice, two, "phoenix two by alice");

        Assert.Equal(3, (await SearchAsync(bob, Q("phoenix"))).GetProperty("total").GetInt32());
        Assert.Equal(["phoenix one by alice", "phoenix one by bob"], Bodies(await SearchAsync(bob, $"{Q("phoenix")}&room={one}")).Order().ToList());
        Assert.Equal(["phoenix one by alice", "phoenix two by alice"], Bodies(await SearchAsync(bob, $"{Q("phoenix")}&author={alice.Id}")).Order().ToList());
        Assert.Equal(["phoenix one by alice"], Bodies(await SearchAsync(bob, $"{Q("phoenix")}&room={one}&author={alice.Id}")));
        Assert.Equal(["phoenix one by alice", "phoenix one by bob"], Bodies(await SearchAsync(bob, $"{Q("phoenix")}&before={Id(last)}")).Order().ToList());
        Assert.Empty(Bodies(await SearchAsync(bob, $"{Q("phoenix")}&before={Id(first)}")));
    }

    [Fact]
    public async Task Search_RoomFilter_OthersPrivateRoomIs404_UnknownIs404_PublicNotJoinedIs403()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var secret = await ChatApi.RoomAsync(alice, "private");
        var open = await ChatApi.RoomAsync(alice, "public");

        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/chat/search?q=x&room={secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/chat/search?q=x&room={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.Client.GetAsync($"/api/chat/search?q=x&room={open}")).StatusCode);
    }

    [Fact]
    public async Task Search_Paging_ByLimitAndOffset_CoversEveryMatchOnce()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        for (var i = 0; i < 7; i++)
        {
            await ChatApi.MessageAsync(user, room, $"chimera number {i}");
        }

        var seen = new List<string?>();
        for (var offset = 0; offset < 9; offset += 3)
        {
            var page = await SearchAsync(user, $"{Q("chimera")}&limit=3&offset={offset}");
            Assert.Equal(7, page.GetProperty("total").GetInt32());
            seen.AddRange(Bodies(page));
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => (string?)$"chimera number {i}").ToList(), seen.Order().ToList());
    }

    [Fact]
    public async Task Search_Unauthenticated_Is401()
    {
        var host = fixture.Host;

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/chat/search?q=dragon")).StatusCode);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20%09", "q")]
    [InlineData("q=%22*%5E-()", "q")]
    [InlineData("q=%F0%9F%90%89", "q")]
    [InlineData("q=dragon&limit=0", "limit")]
    [InlineData("q=dragon&limit=51", "limit")]
    [InlineData("q=dragon&offset=-1", "offset")]
    [InlineData("q=dragon&offset=1001", "offset")]
    public async Task Search_BadInput_Is400NamingTheField(string query, string field)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        var problem = await ChatApi.JsonAsync(await user.Client.GetAsync("/api/chat/search?" + query), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("q=dragon&limit=many")]
    [InlineData("q=dragon&room=not-a-guid")]
    [InlineData("q=dragon&author=42")]
    public async Task Search_MalformedParameters_Are400(string query)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await user.Client.GetAsync("/api/chat/search?" + query)).StatusCode);
    }

    [Fact]
    public async Task Search_HugeQ_Is400_And200CharactersIsFine()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();

        var huge = await user.Client.GetAsync("/api/chat/search?" + Q(new string('x', 10_000)));
        var problem = await ChatApi.JsonAsync(huge, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
        Assert.Empty(Bodies(await SearchAsync(user, Q(string.Join(' ', Enumerable.Repeat("word", 40))))));
    }

    [Theory]
    [InlineData("\"basilisk")]
    [InlineData("basilisk\"")]
    [InlineData("basilisk*")]
    [InlineData("*basilisk")]
    [InlineData("^basilisk")]
    [InlineData("-basilisk")]
    [InlineData("NEAR(basilisk")]
    [InlineData("basilisk)")]
    [InlineData("body:basilisk")]
    [InlineData("{body}:basilisk")]
    [InlineData("basilisk:*")]
    [InlineData("!basilisk & |")]
    [InlineData("'basilisk'")]
    [InlineData("basilisk\\")]
    [InlineData("basilisk; DROP TABLE chat_messages; --")]
    public async Task Search_OperatorInjection_IsTreatedAsText(string q)
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        await ChatApi.MessageAsync(user, room, "a basilisk body; DROP TABLE chat_messages; near the wall");
        await ChatApi.MessageAsync(user, room, "unrelated");

        var page = await SearchAsync(user, Q(q));

        Assert.Equal(["a basilisk body; DROP TABLE chat_messages; near the wall"], Bodies(page));
    }

    [Fact]
    public async Task Search_OperatorWords_AreWords()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        await ChatApi.MessageAsync(user, room, "cockatrice or gorgon");
        await ChatApi.MessageAsync(user, room, "cockatrice alone");
        await ChatApi.MessageAsync(user, room, "gorgon alone");

        Assert.Equal(["cockatrice or gorgon"], Bodies(await SearchAsync(user, Q("cockatrice OR gorgon"))));
        // As operators these would find "cockatrice alone" and "cockatrice or gorgon"; as words, no message has "not".
        Assert.Empty(Bodies(await SearchAsync(user, Q("cockatrice NOT gorgon"))));
        Assert.Empty(Bodies(await SearchAsync(user, Q("cockatrice AND NOT alone"))));
    }

    [Fact]
    public async Task Search_Unicode_AccentsAndCjk()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        await ChatApi.MessageAsync(user, room, "Un Café Crème au comptoir");
        await ChatApi.MessageAsync(user, room, "東京タワーで会いましょう");

        Assert.Equal(["Un Café Crème au comptoir"], Bodies(await SearchAsync(user, Q("café crème"))));
        Assert.Equal(["Un Café Crème au comptoir"], Bodies(await SearchAsync(user, Q("CAFÉ"))));
        // SQLite's unicode61 tokenizer folds accents (remove_diacritics 2); PostgreSQL's 'simple' configuration does not.
        var unaccented = Bodies(await SearchAsync(user, Q("cafe creme")));
        Assert.Equal(host.Database is null ? ["Un Café Crème au comptoir"] : [], unaccented);
        // A run of CJK characters is one word to both tokenizers: found from its start (the last word is a prefix), not from its middle.
        Assert.Equal(["東京タワーで会いましょう"], Bodies(await SearchAsync(user, Q("東京"))));
        Assert.Empty(Bodies(await SearchAsync(user, Q("タワー"))));
    }

    [Fact]
    public async Task Search_MarkupInABody_ComesBackAsPlainTextSegments()
    {
        var host = fixture.Host;
        var user = await host.UserAsync();
        var room = await ChatApi.RoomAsync(user, "private");
        await ChatApi.MessageAsync(user, room, "<img src=x onerror=alert(1)> golem");

        var result = (await SearchAsync(user, Q("golem"))).GetProperty("results")[0];

        var text = string.Concat(result.GetProperty("highlight").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Contains("<img src=x onerror=alert(1)>", text, StringComparison.Ordinal);
        Assert.Equal("golem", result.GetProperty("highlight").EnumerateArray().Single(s => s.GetProperty("match").GetBoolean()).GetProperty("text").GetString());
    }
}
