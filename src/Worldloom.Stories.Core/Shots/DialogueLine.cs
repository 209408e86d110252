namespace Worldloom.Stories.Core.Shots;

/// <summary>A line spoken in a shot; the renderer shows it as a subtitle.</summary>
/// <param name="Speaker">The speaking entity's id (a character or creature; may be off screen).</param>
/// <param name="Text">What they say.</param>
public sealed record DialogueLine(string Speaker, string Text);
