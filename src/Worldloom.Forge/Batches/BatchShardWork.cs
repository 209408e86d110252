namespace Worldloom.Forge.Batches;

/// <summary>A slice of a batch for one grain: the parameters and some of the seeds with their positions.</summary>
[GenerateSerializer]
[Alias("Worldloom.Forge.Batches.BatchShardWork")]
public sealed record BatchShardWork
{
    /// <summary>The parameters as stored JSON.</summary>
    [Id(0)]
    public required string ParametersJson { get; init; }

    /// <summary>The seeds (as text).</summary>
    [Id(1)]
    public required IReadOnlyList<string> Seeds { get; init; }

    /// <summary>The batch index of <see cref="Seeds"/>[0]; the others follow in order.</summary>
    [Id(2)]
    public int FirstIndex { get; init; }
}
