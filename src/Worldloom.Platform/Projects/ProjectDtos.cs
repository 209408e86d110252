namespace Worldloom.Platform.Projects;

/// <summary>Body of <c>POST /api/projects</c>.</summary>
/// <param name="Name">1–100 characters.</param>
/// <param name="Description">Optional, up to 2,000 characters.</param>
public sealed record ProjectCreate(string? Name, string? Description);

/// <summary>Body of <c>PATCH /api/projects/{id}</c>; absent fields stay.</summary>
/// <param name="Name">New name.</param>
/// <param name="Description">New description.</param>
public sealed record ProjectPatch(string? Name, string? Description);

/// <summary>A project as the API shows it.</summary>
/// <param name="Id">Id.</param>
/// <param name="OwnerId">Owner.</param>
/// <param name="Name">Name.</param>
/// <param name="Description">Description.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="UpdatedAt">Last changed.</param>
/// <param name="DeletedAt">In the bin since, or null.</param>
public sealed record ProjectView(Guid Id, Guid OwnerId, string Name, string Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeletedAt)
{
    /// <summary>Maps an entity.</summary>
    public static ProjectView From(Project p) => new(p.Id, p.OwnerId, p.Name, p.Description, p.CreatedAt, p.UpdatedAt, p.DeletedAt);
}
