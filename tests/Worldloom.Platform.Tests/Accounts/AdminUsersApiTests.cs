using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Accounts;

[Trait("Category", "Integration")]
public sealed class AdminUsersApiTests
{
    [Fact]
    public async Task Admin_ChangesTierAndRole_Audited_AndSeenInMe()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(role: Roles.Admin);
        var user = await host.UserAsync();

        var response = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{user.Id}", new { tier = "pro", role = "moderator" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("pro", me.GetProperty("tier").GetString());
        Assert.Equal(100, me.GetProperty("quota").GetProperty("limit").GetInt32());
        var actions = await host.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == $"user:{user.Id}").Select(a => a.Action).ToListAsync());
        Assert.Contains("user.tier", actions);
        Assert.Contains("user.role", actions);
        var list = await admin.Client.GetFromJsonAsync<List<UserView>>("/api/admin/users");
        Assert.Equal("pro", list!.Single(u => u.Id == user.Id).Tier);
    }

    [Fact]
    public async Task NonAdmin_Forbidden()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync(role: Roles.Moderator);

        await ProblemJson.AssertAsync(await user.Client.GetAsync("/api/admin/users"), HttpStatusCode.Forbidden);
        await ProblemJson.AssertAsync(await user.Client.PatchAsJsonAsync($"/api/admin/users/{user.Id}", new { tier = "lifetime" }), HttpStatusCode.Forbidden);
        Assert.Equal("free", await host.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Tier).SingleAsync()));
    }

    [Theory]
    [InlineData("{\"tier\":\"platinum\"}", "tier")]
    [InlineData("{\"role\":\"root\"}", "role")]
    [InlineData("{}", "role")]
    [InlineData("{\"tier\":7}", "tier")]
    public async Task BadPatch_ProblemNamesField(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(role: Roles.Admin);
        var user = await host.UserAsync();

        var response = await admin.Client.PatchAsync($"/api/admin/users/{user.Id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task UnknownUser_404()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(role: Roles.Admin);

        await ProblemJson.AssertAsync(await admin.Client.PatchAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}", new { tier = "pro" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_CannotDemoteSelf()
    {
        await using var host = await LoomHost.StartAsync();
        var admin = await host.UserAsync(role: Roles.Admin);

        await ProblemJson.AssertAsync(await admin.Client.PatchAsJsonAsync($"/api/admin/users/{admin.Id}", new { role = "user" }), HttpStatusCode.BadRequest, "role");
    }
}
