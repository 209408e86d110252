namespace Worldloom.Stories.Topics;

/// <summary>An admin's topic, created or replaced.</summary>
/// <param name="Slug">URL name: lower-case letters, digits and hyphens.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description; may be empty.</param>
public sealed record TopicBody(string? Slug, string? Title, string? Description);
