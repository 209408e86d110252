using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>
/// The targets, checked against this run (reported, not asserted); null where the run did not measure what a
/// target needs (e.g. <c>--sizes</c> without 512). Nulls are written, so every target's field is always there.
/// </summary>
internal sealed record ForgeTargets
{
    /// <summary>Median pipeline time of a 512² world under 500 ms.</summary>
    [JsonPropertyName("pipeline_512_under_500ms")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? Pipeline512Under500Ms { get; init; }

    /// <summary>Median pipeline time of a 2048² world under 8 s.</summary>
    [JsonPropertyName("pipeline_2048_under_8s")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? Pipeline2048Under8S { get; init; }

    /// <summary>Our ChaCha20 keystream at 1 GiB/s or more (median run).</summary>
    [JsonPropertyName("chacha20_over_1_gib_s")]
    public required bool Chacha20Over1GibS { get; init; }
}
