namespace Worldloom.Forge.Rules;

/// <summary>One <c>console.log</c> line of a rule script.</summary>
/// <param name="Stage">The stage whose hook logged it; null for the top-level run.</param>
/// <param name="Text">The arguments, each as text (objects as JSON), joined by spaces.</param>
public sealed record RuleLogLine(string? Stage, string Text)
{
    /// <inheritdoc />
    public override string ToString() => Stage is null ? Text : $"[{Stage}] {Text}";
}
