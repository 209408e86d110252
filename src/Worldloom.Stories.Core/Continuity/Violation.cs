namespace Worldloom.Stories.Core.Continuity;

/// <summary>A way a shot plan breaks the bible that the validator cannot repair; it blocks generation.</summary>
/// <param name="Rule">
/// The rule id; <c>bible</c> for what an entity itself says (its look, its kind, its existence); <c>plan</c> for a
/// bound of <see cref="Shots.ShotPlanLimits"/>.
/// </param>
/// <param name="RuleText">The rule as the user wrote it, or the bible entry in words.</param>
/// <param name="Shot">The 0-based shot index; null for the plan as a whole.</param>
/// <param name="Path">The JSON path of the offending value in the plan.</param>
/// <param name="Message">What is wrong, for the person who wrote the prompt.</param>
public sealed record Violation(string Rule, string RuleText, int? Shot, string Path, string Message);
