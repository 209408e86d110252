namespace Worldloom.Stories.Core.Bible;

/// <summary>Something a character wears, and its colour (from <see cref="StoryColours"/>).</summary>
/// <param name="Item">What it is, lower case: "cloak", "leather boots".</param>
/// <param name="Colour">Its colour name.</param>
public sealed record Garment(string Item, string Colour);
