using System.Globalization;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Overrides;

// NPC traits and new points of interest.
public sealed partial class OverrideBatch
{
    private const string PoiPrefix = "poi-";

    private void Pin(PinNpcTraits pin, string field, List<ParameterError> errors)
    {
        var index = FindNpc(pin.NpcId);
        if (index < 0)
        {
            errors.Add(new ParameterError($"{field}.npcId", $"Unknown NPC '{pin.NpcId}'."));
        }

        if (TraitsProblem(pin.Traits) is { } problem)
        {
            errors.Add(new ParameterError($"{field}.traits", problem));
        }

        if (errors.Count > 0)
        {
            return;
        }

        var traits = pin.Traits.Order(StringComparer.Ordinal).ToArray();
        EditNpcs()[index] = Npcs[index] with { Traits = traits };
    }

    private static string? TraitsProblem(IReadOnlyList<string?>? traits)
    {
        if (traits is null || traits.Count == 0)
        {
            return "At least one trait is required.";
        }

        if (traits.Count > OverrideApplier.MaxTraits)
        {
            return $"At most {OverrideApplier.MaxTraits} traits; got {traits.Count}.";
        }

        for (var i = 0; i < traits.Count; i++)
        {
            if (NameProblem(traits[i], OverrideApplier.MaxTraitLength) is { } problem)
            {
                return $"Trait {i}: {problem}";
            }

            for (var j = 0; j < i; j++)
            {
                if (traits[j] == traits[i])
                {
                    return $"Trait '{traits[i]}' is given twice.";
                }
            }
        }

        return null;
    }

    private void AddPoi(AddPointOfInterest add, string field, List<ParameterError> errors)
    {
        if (NameProblem(add.PoiKind, OverrideApplier.MaxNameLength) is { } kind)
        {
            errors.Add(new ParameterError($"{field}.poiKind", kind));
        }

        if (NameProblem(add.Name, OverrideApplier.MaxNameLength) is { } name)
        {
            errors.Add(new ParameterError($"{field}.name", name));
        }

        if (SiteProblem(add.Location) is { } site)
        {
            errors.Add(new ParameterError($"{field}.location", site));
        }

        if (add.HookText?.Length > OverrideApplier.MaxHookLength)
        {
            errors.Add(new ParameterError($"{field}.hookText", $"Must be at most {OverrideApplier.MaxHookLength} characters; got {add.HookText.Length}."));
        }

        if (errors.Count > 0)
        {
            return;
        }

        EditPois().Add(new PointOfInterest(
            $"{PoiPrefix}{HighestPoiNumber() + 1}",
            add.PoiKind,
            add.Name,
            add.Location,
            RegionIdAt(add.Location),
            new QuestHook(add.HookText ?? string.Empty, [], [], null)));
    }

    /// <summary>The largest N among ids <c>poi-N</c> (0 when there are none); other ids are ignored.</summary>
    private long HighestPoiNumber()
    {
        long highest = 0;
        foreach (var poi in Pois)
        {
            if (poi.Id.StartsWith(PoiPrefix, StringComparison.Ordinal)
                && long.TryParse(poi.Id.AsSpan(PoiPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && number > highest)
            {
                highest = number;
            }
        }

        return highest;
    }
}
