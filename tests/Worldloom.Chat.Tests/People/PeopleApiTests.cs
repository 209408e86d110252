using System.Net;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.People;

/// <summary><c>GET /api/chat/users</c>: names by id and by part of a name, never emails.</summary>
[Trait("Category", "Integration")]
public sealed class PeopleApiTests(SharedHost fixture) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task ById_AnswersNames_LeavesUnknownIdsOut_AndNeverEmails()
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        await NameAsync(host, bob, "Bob Builder");

        var found = await ChatApi.GetAsync(alice, $"/api/chat/users?ids={bob.Id},{Guid.NewGuid()},{alice.Id}");

        Assert.Equal(2, found.GetArrayLength());
        Assert.Equal("Bob Builder", found.EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == bob.Id).GetProperty("displayName").GetString());
        Assert.DoesNotContain("@", found.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByName_MatchesAnyPartIgnoringCase_SortedAndCapped()
    {
        await using var host = await LoomHost.StartAsync();
        var alice = await host.UserAsync();
        var bob = await host.UserAsync();
        var rob = await host.UserAsync();
        await NameAsync(host, bob, "Bob Builder");
        await NameAsync(host, rob, "Robert Obvious");
        for (var i = 0; i < 22; i++)
        {
            await NameAsync(host, await host.UserAsync(), $"Crowd {i:D2}");
        }

        var found = await ChatApi.GetAsync(alice, "/api/chat/users?q=OB");
        var crowd = await ChatApi.GetAsync(alice, "/api/chat/users?q=crowd");

        Assert.Equal(["Bob Builder", "Robert Obvious"], found.EnumerateArray().Select(u => u.GetProperty("displayName").GetString()));
        Assert.Equal(20, crowd.GetArrayLength());
        Assert.Equal("Crowd 00", crowd[0].GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("", "ids")]
    [InlineData("?ids=", "ids")]
    [InlineData("?ids=nope", "ids")]
    [InlineData("?q=a", "q")]
    [InlineData("?q=%20%20", "q")]
    public async Task BadQueries_AreNamed(string query, string field)
    {
        var host = fixture.Host;
        var alice = await host.UserAsync();

        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/users{query}"), HttpStatusCode.BadRequest, field);
        var many = string.Join(',', Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()));
        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/users?ids={many}"), HttpStatusCode.BadRequest, "ids");
        await ProblemJson.AssertAsync(await alice.Client.GetAsync($"/api/chat/users?q={new string('x', 65)}"), HttpStatusCode.BadRequest, "q");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/chat/users?q=bob")).StatusCode);
    }

    private static Task NameAsync(LoomHost host, TestUser user, string name) =>
        host.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.DisplayName = name;
            await db.SaveChangesAsync();
        });
}
