using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Projects;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Platform.Tests.Projects;

[Trait("Category", "Integration")]
public sealed class ProjectsApiTests
{
    [Fact]
    public async Task Crud_CreateListRenameDeleteRestore()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var created = await user.Client.PostAsJsonAsync("/api/projects", new { name = "  Shattered Isles ", description = "An archipelago" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.Content.ReadFromJsonAsync<ProjectView>())!;
        Assert.Equal("Shattered Isles", project.Name);

        var renamed = await user.Client.PatchAsJsonAsync($"/api/projects/{project.Id}", new { name = "Isles" });
        Assert.Equal("Isles", (await renamed.Content.ReadFromJsonAsync<ProjectView>())!.Name);
        Assert.Equal("An archipelago", (await user.Client.GetFromJsonAsync<ProjectView>($"/api/projects/{project.Id}"))!.Description);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"/api/projects/{project.Id}")).StatusCode);
        Assert.Empty((await user.Client.GetFromJsonAsync<List<ProjectView>>("/api/projects"))!);
        var bin = (await user.Client.GetFromJsonAsync<List<ProjectView>>("/api/projects?includeDeleted=true"))!;
        Assert.NotNull(Assert.Single(bin).DeletedAt);

        var restored = await user.Client.PostAsync($"/api/projects/{project.Id}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Single((await user.Client.GetFromJsonAsync<List<ProjectView>>("/api/projects"))!);
    }

    [Fact]
    public async Task AnotherUsersProject_IsNotFound_AndUnchanged()
    {
        await using var host = await LoomHost.StartAsync();
        var owner = await host.UserAsync();
        var other = await host.UserAsync();
        var project = (await (await owner.Client.PostAsJsonAsync("/api/projects", new { name = "Mine" })).Content.ReadFromJsonAsync<ProjectView>())!;

        await ProblemJson.AssertAsync(await other.Client.GetAsync($"/api/projects/{project.Id}"), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await other.Client.PatchAsJsonAsync($"/api/projects/{project.Id}", new { name = "Stolen" }), HttpStatusCode.NotFound);
        await ProblemJson.AssertAsync(await other.Client.DeleteAsync($"/api/projects/{project.Id}"), HttpStatusCode.NotFound);
        Assert.Empty((await other.Client.GetFromJsonAsync<List<ProjectView>>("/api/projects"))!);

        var stored = await host.WithDbAsync(db => db.Projects.SingleAsync());
        Assert.Equal("Mine", stored.Name);
        Assert.Null(stored.DeletedAt);
    }

    [Fact]
    public async Task Admin_SeesAnyProject()
    {
        await using var host = await LoomHost.StartAsync();
        var owner = await host.UserAsync();
        var admin = await host.UserAsync(role: "admin");
        var project = (await (await owner.Client.PostAsJsonAsync("/api/projects", new { name = "Mine" })).Content.ReadFromJsonAsync<ProjectView>())!;

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/api/projects/{project.Id}")).StatusCode);
    }

    [Fact]
    public async Task Restore_After30Days_IsGone()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();
        var project = (await (await user.Client.PostAsJsonAsync("/api/projects", new { name = "Old" })).Content.ReadFromJsonAsync<ProjectView>())!;
        await user.Client.DeleteAsync($"/api/projects/{project.Id}");

        host.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var client = (await host.LoginAsync(user.Id, user.Email)).Client;

        await ProblemJson.AssertAsync(await client.PostAsync($"/api/projects/{project.Id}/restore", null), HttpStatusCode.NotFound);
        Assert.Empty((await client.GetFromJsonAsync<List<ProjectView>>("/api/projects?includeDeleted=true"))!);
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("{\"name\":\"\"}", "name")]
    [InlineData("{\"name\":42}", "name")]
    [InlineData("{\"name\":\"ok\",\"description\":true}", "description")]
    [InlineData("not json", "body")]
    public async Task Create_BadInput_ProblemNamesField(string body, string field)
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var response = await user.Client.PostAsync("/api/projects", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await host.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Create_TooLongName_Rejected()
    {
        await using var host = await LoomHost.StartAsync();
        var user = await host.UserAsync();

        var response = await user.Client.PostAsJsonAsync("/api/projects", new { name = new string('n', 101) });

        await ProblemJson.AssertAsync(response, HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        await using var host = await LoomHost.StartAsync();

        await ProblemJson.AssertAsync(await host.Client().GetAsync("/api/projects"), HttpStatusCode.Unauthorized);
    }
}
