using Microsoft.Extensions.DependencyInjection;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Narration.Tests;

public sealed class StoryNarratorExtensionsTests
{
    [Fact]
    public void AddStoryNarrator_NoConfiguration_RegistersTheGrammarNarratorOnly()
    {
        var services = new ServiceCollection();
        services.AddSingleton<INarrator>(new EarlierNarrator());

        services.AddStoryNarrator(Scene.Narrator());

        Assert.Single(services, d => d.ServiceType == typeof(INarrator));
        using var provider = services.BuildServiceProvider();
        Assert.IsType<GrammarNarrator>(provider.GetRequiredService<INarrator>());
    }

    [Theory]
    [InlineData("Provider", "ollama", "ollama:llama3.2")]
    [InlineData("", "ollama", "ollama:llama3.2")]
    [InlineData("Provider", "OpenAI", "openai:llama3.2")]
    public void AddStoryNarrator_LlmProvider_ReplacesTheRegisteredNarrator(string key, string value, string name)
    {
        var services = new ServiceCollection();
        services.AddSingleton<INarrator, GrammarNarrator>();

        services.AddStoryNarrator(Scene.Narrator((key, value), ("Endpoint", "http://127.0.0.1:11434"), ("Model", "llama3.2"), ("ApiKey", "k")));

        using var provider = services.BuildServiceProvider();
        var narrator = Assert.IsType<ChatNarrator>(Assert.Single(provider.GetServices<INarrator>()));
        Assert.Equal(name, narrator.Name);
    }

    [Fact]
    public void AddStoryNarrator_OllamaWithoutEndpointOrModel_FailsNamingBothKeys()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddStoryNarrator(Scene.Narrator(("Provider", "ollama"))));

        Assert.Contains("Loom:Stories:Narrator:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Loom:Stories:Narrator:Model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Provider", "gpt", "Loom:Stories:Narrator:Provider")]
    [InlineData("Endpoint", "ftp://example.org", "Loom:Stories:Narrator:Endpoint")]
    [InlineData("Endpoint", "localhost:11434", "Loom:Stories:Narrator:Endpoint")]
    [InlineData("TimeoutSeconds", "0", "Loom:Stories:Narrator:TimeoutSeconds")]
    [InlineData("MaxAttempts", "many", "Loom:Stories:Narrator:MaxAttempts")]
    public void AddStoryNarrator_BadValue_FailsNamingTheKey(string key, string value, string path)
    {
        var settings = new Dictionary<string, string> { ["Provider"] = "openai", ["Endpoint"] = "http://127.0.0.1:8000/v1", ["Model"] = "m", [key] = value };
        var services = new ServiceCollection();
        services.AddSingleton<INarrator, GrammarNarrator>();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddStoryNarrator(Scene.Narrator([.. settings.Select(s => (s.Key, s.Value))])));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.IsType<GrammarNarrator>(services.BuildServiceProvider().GetRequiredService<INarrator>());
    }

    private sealed class EarlierNarrator : INarrator
    {
        public string Name => "earlier";

        public Task<NarrationResult> NarrateAsync(NarrationRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("replaced");
    }
}
