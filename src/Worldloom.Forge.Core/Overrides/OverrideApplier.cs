using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

/// <summary>
/// Applies a world's ordered override list: all of it or none of it. Each override is checked against the world as
/// the overrides before it left it (so "rename then move" and "delete then rename" mean what they say), and the world
/// only changes once every override has passed. The rules of each kind are in docs/forge.md under "Overrides".
/// </summary>
public static class OverrideApplier
{
    /// <summary>Longest settlement or point-of-interest name, and longest point-of-interest kind.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Most traits an NPC may be pinned to.</summary>
    public const int MaxTraits = 6;

    /// <summary>Longest single trait.</summary>
    public const int MaxTraitLength = 40;

    /// <summary>Longest quest hook text of an added point of interest.</summary>
    public const int MaxHookLength = 1000;

    /// <summary>
    /// Applies <paramref name="overrides"/> to <paramref name="world"/> in order. On any error the world is left exactly
    /// as it was (no list, layer or record is replaced) and every error is returned, each named
    /// <c>overrides[i].fieldName</c>; an override after a rejected one is checked as if the rejected one were absent.
    /// </summary>
    public static OverrideResult Apply(ForgeWorld world, IReadOnlyList<WorldOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(overrides);
        var batch = new OverrideBatch(world);
        var errors = new List<ParameterError>();
        for (var i = 0; i < overrides.Count; i++)
        {
            errors.AddRange(batch.Add(overrides[i], $"overrides[{i}]"));
        }

        if (errors.Count == 0)
        {
            batch.Commit();
        }

        return new OverrideResult(errors);
    }
}
