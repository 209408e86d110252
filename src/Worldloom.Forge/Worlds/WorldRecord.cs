namespace Worldloom.Forge.Worlds;

/// <summary>
/// A world in a project: its seed, parameters and rules, and which snapshot is its head. The generated content lives in
/// the blob store as the canonical world document, named by its hash; snapshots record each saved version.
/// </summary>
public sealed class WorldRecord
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The project it belongs to.</summary>
    public Guid ProjectId { get; set; }

    /// <summary>The project's owner at creation (ownership checks use it).</summary>
    public Guid OwnerId { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>The seed as typed.</summary>
    public required string Seed { get; set; }

    /// <summary>The parameters as the API's camelCase JSON.</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The scripted rules (JavaScript), if any; part of what regenerates the world.</summary>
    public string? Rules { get; set; }

    /// <summary>generating, ready or failed (see <see cref="WorldStatus"/>).</summary>
    public string Status { get; set; } = WorldStatus.Generating;

    /// <summary>Number of the head snapshot; 0 until the first generation finishes.</summary>
    public int Head { get; set; }

    /// <summary>Hash of the head snapshot's world document.</summary>
    public string? Hash { get; set; }

    /// <summary>Why the last generation failed.</summary>
    public string? Error { get; set; }

    /// <summary>The job that is (or last was) generating it.</summary>
    public Guid? JobId { get; set; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
