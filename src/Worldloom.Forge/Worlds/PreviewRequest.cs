using System.Text.Json;

namespace Worldloom.Forge.Worlds;

/// <summary>The body of <c>POST /api/forge/preview</c>: a seed and parameters (at most 256² cells) and the layer to draw.</summary>
public sealed record PreviewRequest : WorldParametersBody
{
    /// <summary>A 64-bit integer or any string.</summary>
    public JsonElement? Seed { get; init; }

    /// <summary>The layer to draw; biomes by default.</summary>
    public string? Layer { get; init; }
}
