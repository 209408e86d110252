namespace Worldloom.Forge.Worlds;

/// <summary>A world as <see cref="IWorldCatalog"/> describes it to other modules.</summary>
/// <param name="Id">The world's id.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="Name">Display name.</param>
/// <param name="Status">generating, ready or failed (<see cref="WorldStatus"/>).</param>
/// <param name="Hash">The head snapshot's document hash; null until the first generation finished.</param>
public sealed record CatalogWorld(Guid Id, Guid ProjectId, Guid OwnerId, string Name, string Status, string? Hash)
{
    /// <summary>Whether it has generated content to use.</summary>
    public bool IsGenerated => Hash is not null && Status == WorldStatus.Ready;
}
