namespace Worldloom.Stories.Core.Rules;

/// <summary>Why a rule did not parse: where (1-based line and column), what the parser expected and what it found.</summary>
/// <param name="Line">Line of the rules text, from 1.</param>
/// <param name="Column">Column in that line, from 1 (UTF-16 code units).</param>
/// <param name="Expected">What would have been accepted there, in words.</param>
/// <param name="Found">What was there: a quoted word, or "end of rule".</param>
public sealed record RuleSyntaxError(int Line, int Column, string Expected, string Found)
{
    /// <summary>"line 1, column 16: expected a colour or garment, found end of rule".</summary>
    public string Message => $"line {Line}, column {Column}: expected {Expected}, found {Found}.";

    /// <inheritdoc />
    public override string ToString() => Message;
}
