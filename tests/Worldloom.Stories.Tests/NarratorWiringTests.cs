using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Tests;

/// <summary>The server plans segments with the narrator <c>Loom:Stories:Narrator</c> names, and refuses to start on a bad one.</summary>
[Trait("Category", "Integration")]
public sealed class NarratorWiringTests
{
    [Fact]
    public async Task Server_UsesTheOfflineNarrator_ByDefault()
    {
        await using var host = await LoomHost.StartAsync();

        Assert.IsType<GrammarNarrator>(host.Services.GetRequiredService<INarrator>());
    }

    [Fact]
    public async Task Server_UsesTheConfiguredLlmNarrator()
    {
        await using var host = await LoomHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Loom:Stories:Narrator"] = "ollama",
            ["Loom:Stories:Narrator:Endpoint"] = "http://127.0.0.1:11434",
            ["Loom:Stories:Narrator:Model"] = "llama3.2",
        });

        Assert.Equal("ollama:llama3.2", host.Services.GetRequiredService<INarrator>().Name);
    }

    [Fact]
    public async Task Server_RefusesToStart_WhenTheNarratorLacksItsEndpoint()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LoomHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Loom:Stories:Narrator"] = "openai",
            ["Loom:Stories:Narrator:Model"] = "gpt-4o-mini",
        }));

        Assert.Contains("Loom:Stories:Narrator:Endpoint", error.Message);
    }
}
