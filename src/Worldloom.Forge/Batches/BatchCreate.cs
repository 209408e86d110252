using System.Text.Json;
using Worldloom.Forge.Worlds;

namespace Worldloom.Forge.Batches;

/// <summary>The body of <c>POST /api/projects/{id}/batches</c>: seeds and one set of parameters for all of them.</summary>
public sealed record BatchCreate : WorldParametersBody
{
    /// <summary>A range <c>"1..100"</c> or an array of seeds; at most 1,000.</summary>
    public JsonElement? Seeds { get; init; }
}
