namespace Worldloom.Forge.Core.World;

/// <summary>A named person living in a settlement.</summary>
public sealed record Npc
{
    /// <summary>Stable id, <c>npc-N</c> numbered from 1 (settlements in id order, then people in order).</summary>
    public required string Id { get; init; }

    /// <summary>Full name from their culture's name generator.</summary>
    public required string Name { get; init; }

    /// <summary>Culture id.</summary>
    public required string Culture { get; init; }

    /// <summary>Home settlement id.</summary>
    public required string SettlementId { get; init; }

    /// <summary>What they do (e.g. blacksmith, innkeeper, guard captain).</summary>
    public required string Role { get; init; }

    /// <summary>Personality traits (e.g. honest, greedy), two or three, sorted.</summary>
    public required IReadOnlyList<string> Traits { get; init; }

    /// <summary>The faction they serve (their settlement's).</summary>
    public string? FactionId { get; init; }

    /// <summary>Age in years.</summary>
    public required int Age { get; init; }

    /// <summary>Ties to other NPCs, in NPC id order.</summary>
    public required IReadOnlyList<NpcRelationship> Relationships { get; init; }
}
