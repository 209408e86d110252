namespace Worldloom.Stories.Core.Continuity;

/// <summary>A repair the validator made because only one value could be right (the bible's colour for a garment, say).</summary>
/// <param name="Rule">The rule id, or <c>bible</c> (see <see cref="Violation.Rule"/>).</param>
/// <param name="RuleText">The rule as written, or the bible entry in words.</param>
/// <param name="Shot">The 0-based shot index; null for the plan as a whole.</param>
/// <param name="Path">The JSON path of the corrected value.</param>
/// <param name="From">The plan's value ("" when something was added).</param>
/// <param name="To">The value put in its place.</param>
/// <param name="Message">What was changed and why.</param>
public sealed record Correction(string Rule, string RuleText, int? Shot, string Path, string From, string To, string Message);
