using System.ClientModel;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp.Models.Exceptions;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Narration;

/// <summary>
/// The LLM narrator: asks an <see cref="IChatClient"/> (Ollama, or any OpenAI-compatible endpoint) for the segment's
/// shot plan as JSON, with the schema, the request and the bible as of the segment in the prompt. The answer is read by
/// <see cref="ShotPlanJson.Read(ReadOnlyMemory{byte}, out IReadOnlyList{ParameterError})"/> (strict, bounds checked)
/// and must be for the segment asked and name only the bible's entities; otherwise the model is asked again with its
/// answer and the problems listed, up to <see cref="ChatNarratorOptions.MaxAttempts"/> times. Continuity (rules,
/// outfits, deaths) is the validator's job, as for the offline narrator.
/// </summary>
public sealed class ChatNarrator : INarrator
{
    private readonly IChatClient _client;
    private readonly ChatNarratorOptions _options;

    /// <summary>A narrator over <paramref name="client"/>, named <paramref name="name"/> (<c>ollama:llama3.2</c>).</summary>
    public ChatNarrator(IChatClient client, string name, ChatNarratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _options = options ?? new ChatNarratorOptions();
        if (_options.MaxAttempts is < 1 or > 8)
        {
            throw new ArgumentException($"maxAttempts must be from 1 to 8; got {_options.MaxAttempts}.", nameof(options));
        }

        _client = client;
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<NarrationResult> NarrateAsync(NarrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invalid = request.Check();
        if (invalid.Count > 0)
        {
            return NarrationResult.Fail(new NarrationFailure(NarrationFailureKind.InvalidRequest, "The narration request is invalid.", invalid, 0));
        }

        var messages = NarrationPrompt.Start(request);
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.Json,
            // Providers that honour a seed then answer the same request the same way, as the offline narrator does.
            Seed = unchecked((long)request.Seed),
            Temperature = _options.Temperature,
        };
        IReadOnlyList<ParameterError> problems = [];
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            ChatResponse response;
            try
            {
                response = await _client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (IsProviderFailure(e))
            {
                // A provider that is down or erring is not retried here: the generation job retries with backoff.
                return NarrationResult.Fail(new NarrationFailure(
                    NarrationFailureKind.Unavailable,
                    $"The narrator {Name} could not be reached or failed.",
                    [new ParameterError("narrator", Describe(e))],
                    attempt));
            }

            if (response.FinishReason == ChatFinishReason.ContentFilter)
            {
                return NarrationResult.Fail(new NarrationFailure(
                    NarrationFailureKind.Refused, $"The narrator {Name} declined the prompt.", [new ParameterError("prompt", "the provider's content filter stopped the answer.")], attempt));
            }

            var answer = response.Text;
            problems = Problems(request, answer, out var plan);
            if (problems.Count == 0)
            {
                return NarrationResult.Success(plan!);
            }

            if (attempt < _options.MaxAttempts)
            {
                NarrationPrompt.Retry(messages, answer, problems);
            }
        }

        return NarrationResult.Fail(new NarrationFailure(
            NarrationFailureKind.MalformedOutput,
            $"The narrator {Name} gave no usable shot plan in {_options.MaxAttempts} attempts.",
            problems,
            _options.MaxAttempts));
    }

    private static IReadOnlyList<ParameterError> Problems(NarrationRequest request, string answer, out Core.Shots.ShotPlan? plan)
    {
        plan = null;
        var json = NarrationPrompt.Unfence(answer);
        if (json.Length == 0)
        {
            return [new ParameterError("$", "the answer was empty; expected one JSON object.")];
        }

        var read = ShotPlanJson.Read(Encoding.UTF8.GetBytes(json), out var errors);
        if (read is null || errors.Count > 0)
        {
            return errors.Count > 0 ? errors : [new ParameterError("$", "not a shot plan.")];
        }

        var mismatches = NarrationPrompt.Mismatches(request, read);
        plan = mismatches.Count == 0 ? read : null;
        return mismatches;
    }

    // Connection refused, HTTP errors, timeouts (a cancellation not asked for), broken or unexpected response bodies.
    private static bool IsProviderFailure(Exception e) =>
        e is HttpRequestException or OperationCanceledException or TimeoutException or IOException or JsonException
            or ClientResultException or OllamaException;

    private static string Describe(Exception e) => e switch
    {
        OperationCanceledException => "no answer before the narrator's timeout.",
        HttpRequestException { StatusCode: { } status } http => $"HTTP {(int)status}: {http.Message}",
        ClientResultException { Status: > 0 } client => $"HTTP {client.Status}: {client.Message}",
        _ => e.Message,
    };
}
