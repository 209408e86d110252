using System.Text.Json;

namespace Worldloom.Forge.Worlds;

/// <summary>The body of <c>POST /api/projects/{id}/worlds</c>: the parameters plus a seed, a name, rules and overrides.</summary>
public record WorldCreate : WorldParametersBody
{
    /// <summary>A 64-bit integer or any string (at most 256 characters).</summary>
    public JsonElement? Seed { get; init; }

    /// <summary>Display name; defaults to "World &lt;seed&gt;".</summary>
    public string? Name { get; init; }

    /// <summary>Scripted rules (JavaScript with <c>onStage(world, rng)</c> hooks), at most 64 KiB.</summary>
    public string? Rules { get; init; }

    /// <summary>Overrides to apply after generation, in order.</summary>
    public JsonElement? Overrides { get; init; }
}
