namespace Worldloom.Stories.Core.Narration;

/// <summary>
/// Prompt expansion: turns a user's prompt, the scene bible and what came before into a shot plan. The offline
/// <see cref="GrammarNarrator"/> is the default; an LLM narrator (Microsoft.Extensions.AI <c>IChatClient</c>, in
/// Worldloom.Stories.Narration) asks for the plan as JSON, reads it with <see cref="Documents.ShotPlanJson"/> and retries on problems.
/// Either way the plan then goes to the continuity validator; a narrator does not validate continuity itself.
/// </summary>
public interface INarrator
{
    /// <summary>A short name stored with each segment ("offline-grammar/1", "ollama:llama3.2").</summary>
    string Name { get; }

    /// <summary>
    /// A shot plan for <paramref name="request"/>, or a failure whose problems name the fields (of the request, or of
    /// the plan the provider returned) so a job can store it or an endpoint can answer with problem details. Throws
    /// only <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task<NarrationResult> NarrateAsync(NarrationRequest request, CancellationToken cancellationToken);
}
