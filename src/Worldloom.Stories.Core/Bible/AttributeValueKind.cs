namespace Worldloom.Stories.Core.Bible;

/// <summary>What values an attribute accepts.</summary>
public enum AttributeValueKind
{
    /// <summary>A name from <see cref="StoryColours"/>.</summary>
    Colour = 0,

    /// <summary>A Forge biome name (grassland, taiga, ...).</summary>
    Biome = 1,

    /// <summary>One of the attribute's listed choices.</summary>
    Choice = 2,

    /// <summary>Free lower-case words (letters, spaces, hyphens).</summary>
    Words = 3,
}
