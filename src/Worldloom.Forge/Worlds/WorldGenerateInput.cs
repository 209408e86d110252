namespace Worldloom.Forge.Worlds;

/// <summary>The input of a <see cref="WorldGenerateJob"/>.</summary>
/// <param name="WorldId">The world to generate.</param>
/// <param name="OverridesJson">The overrides to apply, as their JSON array.</param>
/// <param name="CreatedBy">Who asked.</param>
public sealed record WorldGenerateInput(Guid WorldId, string OverridesJson, Guid CreatedBy);
