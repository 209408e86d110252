using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

/// <summary>
/// What <see cref="OverrideApplier.Apply"/> did: nothing and every error, or everything. Each error names its field as
/// <c>overrides[i].fieldName</c> so the API can point a problem response at it.
/// </summary>
/// <param name="Errors">Every rejected override field, in override order; empty when all were applied.</param>
public sealed record OverrideResult(IReadOnlyList<ParameterError> Errors)
{
    /// <summary>Whether every override was applied (and so the world changed).</summary>
    public bool Succeeded => Errors.Count == 0;
}
