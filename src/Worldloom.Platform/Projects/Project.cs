namespace Worldloom.Platform.Projects;

/// <summary>A user's container for worlds, stories, workflows and chat rooms. Deletion is soft for <see cref="ProjectRules.RestoreWindow"/>.</summary>
public sealed class Project
{
    /// <summary>Id.</summary>
    public Guid Id { get; set; }

    /// <summary>The owning user.</summary>
    public Guid OwnerId { get; set; }

    /// <summary>Display name, 1–100 characters.</summary>
    public required string Name { get; set; }

    /// <summary>Free text, up to 2,000 characters.</summary>
    public string Description { get; set; } = "";

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set while the project is in the bin.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
