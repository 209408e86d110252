using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>The outcome of reading one override from JSON: the override, or every problem with the field it concerns.</summary>
/// <param name="Override">The override; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Each bad field with its JSON path and what is wrong; empty on success.</param>
public sealed record WorldOverrideParseResult(WorldOverride? Override, IReadOnlyList<ParameterError> Errors);
