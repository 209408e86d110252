using Worldloom.Forge.Worlds;

namespace Worldloom.Forge.PacAi;

/// <summary>The body of <c>POST /v5/generate</c>: a world request plus the project it goes in.</summary>
public sealed record PacAiGenerate : WorldCreate
{
    /// <summary>The project the world is created in.</summary>
    public Guid? ProjectId { get; init; }
}
