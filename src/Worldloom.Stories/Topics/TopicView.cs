namespace Worldloom.Stories.Topics;

/// <summary>A topic with the number of scenes the caller may see in it.</summary>
/// <param name="Id">Id.</param>
/// <param name="Slug">URL name.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description.</param>
/// <param name="SceneCount">Public, active scenes filed under it.</param>
public sealed record TopicView(Guid Id, string Slug, string Title, string Description, int SceneCount);
