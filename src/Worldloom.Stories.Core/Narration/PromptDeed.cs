namespace Worldloom.Stories.Core.Narration;

/// <summary>Something the prompt says one or more entities do: "Mira and Ana | search the old tower".</summary>
/// <param name="Actors">The entity ids, in prompt order.</param>
/// <param name="Clause">The prompt's own words for what they do.</param>
public sealed record PromptDeed(IReadOnlyList<string> Actors, string Clause);
