using Worldloom.Forge.Core.Overrides;

namespace Worldloom.Forge.Rules;

/// <summary>An edit a rule script made and the world accepted.</summary>
/// <param name="Stage">The stage whose hook made it.</param>
/// <param name="Override">The edit, as the override it was applied as.</param>
public sealed record RuleEdit(string Stage, WorldOverride Override);
