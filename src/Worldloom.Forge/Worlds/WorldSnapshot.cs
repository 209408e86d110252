namespace Worldloom.Forge.Worlds;

/// <summary>
/// One saved version of a world: the override list that was applied and the hash of the resulting document. Never
/// changed or deleted; a rollback adds a new snapshot with an old one's overrides.
/// </summary>
public sealed class WorldSnapshot
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The world.</summary>
    public Guid WorldId { get; set; }

    /// <summary>1, 2, 3, ... per world; unique, so two concurrent saves cannot both become snapshot n.</summary>
    public int Number { get; set; }

    /// <summary>generated, edited or rollback.</summary>
    public required string Kind { get; set; }

    /// <summary>For a rollback, the snapshot whose overrides it restored.</summary>
    public int? RestoredFrom { get; set; }

    /// <summary>What the user said about the change.</summary>
    public string? Message { get; set; }

    /// <summary>The ordered overrides as canonical JSON.</summary>
    public required string OverridesJson { get; set; }

    /// <summary>SHA-256 of the world document (also its blob name).</summary>
    public required string Hash { get; set; }

    /// <summary>Size of the document in bytes.</summary>
    public long Size { get; set; }

    /// <summary>The document's summary (land, settlements, rivers, biome mix) as JSON.</summary>
    public required string SummaryJson { get; set; }

    /// <summary>Who saved it.</summary>
    public Guid CreatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
