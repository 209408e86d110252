namespace Worldloom.Stories.Narration;

/// <summary>How hard the LLM narrator tries.</summary>
public sealed record ChatNarratorOptions
{
    /// <summary>Most attempts at a usable plan, the first included (1 to 8).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Sampling temperature asked of the model; null leaves the provider's default.</summary>
    public float? Temperature { get; init; } = 0.7f;
}
