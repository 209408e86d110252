using Worldloom.Forge.Core.World;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Worlds;

/// <summary>A validated world request: everything <see cref="WorldCreate"/> carries, checked and normalised.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Parameters">The parameters.</param>
/// <param name="Rules">The rules source (syntax-checked), or null.</param>
/// <param name="OverridesJson">The overrides as their canonical JSON array.</param>
public sealed record WorldRequest(string Name, ForgeSeed Seed, WorldParameters Parameters, string? Rules, string OverridesJson)
{
    /// <summary>Reads and checks <paramref name="body"/>, reporting every problem to <paramref name="v"/> by field.</summary>
    public static WorldRequest Read(Validation v, WorldCreate body)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(body);
        var seed = WorldParametersBody.ParseSeed(v, "seed", body.Seed);
        var parameters = body.ToParameters(v);
        var name = body.Name is null ? $"World {seed?.Text}" : v.Text("name", body.Name, WorldRules.MaxNameLength);
        if (name.Length > WorldRules.MaxNameLength)
        {
            name = name[..WorldRules.MaxNameLength];
        }

        string? rules = null;
        if (body.Rules is { } source)
        {
            if (source.Length > WorldRules.MaxRulesLength)
            {
                v.Add("rules", $"must be at most {WorldRules.MaxRulesLength} characters.");
            }
            else if (WorldCodec.CheckRules(source) is { } error)
            {
                v.Add("rules", error);
            }
            else
            {
                rules = source;
            }
        }

        var overrides = WorldCodec.ParseOverrides(v, "overrides", body.Overrides);
        return new WorldRequest(name, seed ?? ForgeSeed.FromInt64(0), parameters, rules, WorldCodec.OverridesJson(overrides));
    }
}
