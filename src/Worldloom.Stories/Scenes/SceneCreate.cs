namespace Worldloom.Stories.Scenes;

/// <summary>A new scene and the prompt of its first segment.</summary>
/// <param name="Title">Title.</param>
/// <param name="Prompt">What the first segment shows.</param>
/// <param name="Logline">One line on what it is about.</param>
/// <param name="TopicId">The topic to file it under; its cast seeds the bible when there is no world.</param>
/// <param name="WorldId">A Forge world of the caller's, whose bible the scene starts from.</param>
/// <param name="Visibility">public (the default) or private.</param>
public sealed record SceneCreate(string? Title, string? Prompt, string? Logline, Guid? TopicId, Guid? WorldId, string? Visibility);

/// <summary>The prompt of the next segment.</summary>
/// <param name="Prompt">What it shows.</param>
public sealed record SegmentCreate(string? Prompt);

/// <summary>A fork of a scene at one of its segments.</summary>
/// <param name="AtSegment">The last segment the fork shares (1 to the scene's ready segments).</param>
/// <param name="Title">The fork's title; the parent's with " (fork)" when absent.</param>
public sealed record ForkCreate(int? AtSegment, string? Title);

/// <summary>The 201 answer to a fork.</summary>
/// <param name="SceneId">The new scene.</param>
public sealed record ForkCreated(Guid SceneId);
