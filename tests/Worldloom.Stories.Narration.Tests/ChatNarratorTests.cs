using System.Text;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Answer = Worldloom.Stories.Narration.Tests.StandInLlmServer.Answer;

namespace Worldloom.Stories.Narration.Tests;

/// <summary>The LLM narrator against real local HTTP servers speaking Ollama's and OpenAI's chat APIs.</summary>
public sealed class ChatNarratorTests
{
    [Theory]
    [InlineData(NarratorSettings.Ollama)]
    [InlineData(NarratorSettings.OpenAi)]
    public async Task NarrateAsync_GoodJson_ReturnsThePlanAndSendsBibleAndPrompt(string provider)
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer(Scene.GoodPlan));
        var narrator = Create(provider, server);

        var result = await narrator.NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(Scene.GoodPlan, Encoding.UTF8.GetString(ShotPlanJson.Write(result.Plan!)));
        Assert.Equal($"{provider}:story-model", narrator.Name);
        Assert.Equal(1, server.Calls);
        Assert.Equal("story-model", (string?)server.Requests.Single()["model"]);
        var messages = server.Messages(1);
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains("\"durationMs\"", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("temperate_forest", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("scarlet", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("char_mira always wears red cloak", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("\"Mira climbs the old tower at dusk.\"", messages[1].Content, StringComparison.Ordinal);
        // JSON was asked for in each API's own way.
        var request = server.Requests.Single();
        Assert.True(provider == NarratorSettings.Ollama ? (string?)request["format"] == "json" : (string?)request["response_format"]!["type"] == "json_object", request.ToJsonString());
    }

    [Theory]
    [InlineData(NarratorSettings.Ollama)]
    [InlineData(NarratorSettings.OpenAi)]
    public async Task NarrateAsync_MalformedThenGood_RetriesWithTheProblemsListed(string provider)
    {
        var truncated = Scene.GoodPlan[..(Scene.GoodPlan.Length / 2)];
        await using var server = await StandInLlmServer.StartAsync(n => new Answer(n == 1 ? truncated : Scene.GoodPlan));
        var narrator = Create(provider, server);

        var result = await narrator.NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(2, server.Calls);
        var retry = server.Messages(2);
        Assert.Equal(["system", "user", "assistant", "user"], retry.Select(m => m.Role));
        Assert.Equal(truncated, retry[2].Content);
        Assert.Contains("cannot be used", retry[3].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrateAsync_UnknownEntityThenGood_FeedsBackThePath()
    {
        var stranger = Scene.GoodPlan.Replace("\"entity\":\"char_mira\"", "\"entity\":\"char_ghost\"", StringComparison.Ordinal);
        Assert.NotEqual(Scene.GoodPlan, stranger);
        await using var server = await StandInLlmServer.StartAsync(n => new Answer(n == 1 ? stranger : "```json\n" + Scene.GoodPlan + "\n```"));

        var result = await Create(NarratorSettings.Ollama, server).NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Contains("subjects[0].entity: char_ghost is not in the scene bible", server.Messages(2)[^1].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NarratorSettings.Ollama)]
    [InlineData(NarratorSettings.OpenAi)]
    public async Task NarrateAsync_AlwaysBad_FailsNamingTheFieldsAfterEveryAttempt(string provider)
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer(Scene.TooLongShot));

        var result = await Create(provider, server).NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.False(result.Succeeded);
        var failure = result.Failure!;
        Assert.Equal(NarrationFailureKind.MalformedOutput, failure.Kind);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(3, server.Calls);
        Assert.Contains(failure.Problems, p => p.Field == "shots[0].durationMs");
        Assert.Contains("shots[0].durationMs", server.Messages(3)[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrateAsync_WrongSegment_IsAProblemOfTheSegmentField()
    {
        var other = Scene.GoodPlan.Replace("\"segment\":1,", "\"segment\":2,", StringComparison.Ordinal);
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer(other));

        var result = await Create(NarratorSettings.Ollama, server, ("MaxAttempts", "1")).NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.Equal(NarrationFailureKind.MalformedOutput, result.Failure!.Kind);
        Assert.Equal(1, result.Failure.Attempts);
        Assert.Equal("segment", Assert.Single(result.Failure.Problems).Field);
    }

    [Theory]
    [InlineData(NarratorSettings.Ollama)]
    [InlineData(NarratorSettings.OpenAi)]
    public async Task NarrateAsync_ServerDown_IsUnavailable(string provider)
    {
        var server = await StandInLlmServer.StartAsync(_ => new Answer(Scene.GoodPlan));
        var narrator = Create(provider, server);
        await server.DisposeAsync();

        var result = await narrator.NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.Equal(NarrationFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal("narrator", Assert.Single(result.Failure.Problems).Field);
        Assert.Equal(1, result.Failure.Attempts);
    }

    [Theory]
    [InlineData(NarratorSettings.Ollama)]
    [InlineData(NarratorSettings.OpenAi)]
    public async Task NarrateAsync_ServerError_IsUnavailableWithTheStatus(string provider)
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer("", Status: 500));

        var result = await Create(provider, server).NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.Equal(NarrationFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task NarrateAsync_SlowServerPastTheTimeout_IsUnavailable()
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer(Scene.GoodPlan, Delay: TimeSpan.FromMinutes(5)));

        var result = await Create(NarratorSettings.Ollama, server, ("TimeoutSeconds", "1")).NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.Equal(NarrationFailureKind.Unavailable, result.Failure!.Kind);
        Assert.Contains("timeout", result.Failure.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NarratorSettings.Ollama)]
    [InlineData(NarratorSettings.OpenAi)]
    public async Task NarrateAsync_CancelledWhileTheServerThinks_Throws(string provider)
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer(Scene.GoodPlan, Delay: TimeSpan.FromMinutes(5)));
        using var cancel = new CancellationTokenSource();
        var narrating = Create(provider, server).NarrateAsync(Scene.Request, cancel.Token);
        while (server.Calls == 0)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => narrating);
    }

    [Fact]
    public async Task NarrateAsync_BlankPrompt_IsAnInvalidRequestAndAsksNoOne()
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer(Scene.GoodPlan));

        var result = await Create(NarratorSettings.Ollama, server).NarrateAsync(Scene.Request with { Prompt = "  " }, CancellationToken.None);

        Assert.Equal(NarrationFailureKind.InvalidRequest, result.Failure!.Kind);
        Assert.Equal("prompt", Assert.Single(result.Failure.Problems).Field);
        Assert.Equal(0, server.Calls);
    }

    [Fact]
    public async Task NarrateAsync_ContentFilter_IsRefused()
    {
        await using var server = await StandInLlmServer.StartAsync(_ => new Answer("", FinishReason: "content_filter"));

        var result = await Create(NarratorSettings.OpenAi, server).NarrateAsync(Scene.Request, CancellationToken.None);

        Assert.Equal(NarrationFailureKind.Refused, result.Failure!.Kind);
        Assert.Equal(1, server.Calls);
    }

    private static INarrator Create(string provider, StandInLlmServer server, params (string Key, string Value)[] extra)
    {
        var endpoint = provider == NarratorSettings.OpenAi ? new Uri(server.BaseAddress, "v1") : server.BaseAddress;
        var settings = NarratorSettings.Read(Scene.Narrator([("Provider", provider), ("Endpoint", endpoint.ToString()), ("Model", "story-model"), .. extra]));
        return StoryNarrators.Create(settings);
    }
}
