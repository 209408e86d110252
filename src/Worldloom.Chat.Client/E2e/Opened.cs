namespace Worldloom.Chat.Client.E2e;

/// <summary>What opening a sealed body gave: the authenticated text, or why there is none (never unauthenticated text).</summary>
/// <param name="Text">The plaintext, when it opened and verified.</param>
/// <param name="Problem">Why not, fit to show in place of the text.</param>
public sealed record Opened(string? Text, string? Problem)
{
    /// <summary>Opened and verified.</summary>
    public static Opened Ok(string text) => new(text, null);

    /// <summary>Not shown, with a reason.</summary>
    public static Opened Failed(string problem) => new(null, problem);
}
