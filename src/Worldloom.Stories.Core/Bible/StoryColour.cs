namespace Worldloom.Stories.Core.Bible;

/// <summary>A named colour of the story vocabulary and the sRGB value the renderer paints it with.</summary>
/// <param name="Name">Lower-case name as bibles, rules and plans write it.</param>
/// <param name="Hex">0xRRGGBB.</param>
public sealed record StoryColour(string Name, int Hex);
