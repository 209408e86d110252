using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Narration;

/// <summary>Builds the narrator a <see cref="NarratorSettings"/> names (also for the CLI, which has no container).</summary>
public static class StoryNarrators
{
    /// <summary>The narrator for <paramref name="settings"/>.</summary>
    public static INarrator Create(NarratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new ChatNarratorOptions { MaxAttempts = settings.MaxAttempts };
        switch (settings.Provider)
        {
            case NarratorSettings.Ollama:
                var http = new HttpClient { BaseAddress = settings.Endpoint, Timeout = settings.Timeout };
                return new ChatNarrator(new OllamaApiClient(http, settings.Model!), $"ollama:{settings.Model}", options);
            case NarratorSettings.OpenAi:
                var client = new OpenAIClient(
                    // The client insists on a key; a local OpenAI-compatible server without one ignores it.
                    new ApiKeyCredential(settings.ApiKey ?? "no-key"),
                    new OpenAIClientOptions
                    {
                        Endpoint = settings.Endpoint,
                        NetworkTimeout = settings.Timeout,
                        // The narrator's own attempts and the job's backoff are the retries; the SDK's would multiply them.
                        RetryPolicy = new ClientRetryPolicy(0),
                    });
                return new ChatNarrator(client.GetChatClient(settings.Model!).AsIChatClient(), $"openai:{settings.Model}", options);
            default:
                return new GrammarNarrator();
        }
    }
}
