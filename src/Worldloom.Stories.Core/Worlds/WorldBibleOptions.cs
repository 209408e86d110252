namespace Worldloom.Stories.Core.Worlds;

/// <summary>How much of a Forge world a seeded bible takes (a large world has thousands of people; a scene needs a cast).</summary>
public sealed record WorldBibleOptions
{
    /// <summary>Most settlements, largest first.</summary>
    public int MaxLocations { get; init; } = 12;

    /// <summary>Most NPCs, from the chosen settlements in id order.</summary>
    public int MaxCharacters { get; init; } = 24;

    /// <summary>Most bestiary species, in id order.</summary>
    public int MaxCreatures { get; init; } = 8;
}
