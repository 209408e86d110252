using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Core.Bible;

/// <summary>A bible, or the problems that stopped it (each with the path of what is wrong).</summary>
/// <param name="Bible">The bible; null when there are errors.</param>
/// <param name="Errors">The problems; empty on success.</param>
public sealed record BibleResult(SceneBible? Bible, IReadOnlyList<ParameterError> Errors);
