using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Worldloom.Forge.Export.Engines;
using Worldloom.Platform.Accounts;

namespace Worldloom.Forge.Exports;

/// <summary>Which engines each tier exports: free exports JSON only; pro and lifetime export every engine.</summary>
public static class ExportTiers
{
    /// <summary>The lowest tier that unlocks every engine.</summary>
    public const string Unlocking = Tiers.Pro;

    /// <summary>Whether <paramref name="tier"/> may export <paramref name="engine"/>.</summary>
    public static bool Unlocks(string tier, string engine) => tier != Tiers.Free || engine == ExportEngines.Json;

    /// <summary>The engines of <paramref name="engines"/> that <paramref name="tier"/> may not export, in order.</summary>
    public static IReadOnlyList<string> Locked(string tier, IReadOnlyList<string> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        return [.. engines.Where(e => !Unlocks(tier, e))];
    }

    /// <summary>
    /// The 403 for asking <paramref name="tier"/> for <paramref name="locked"/>: the detail names them and the tiers
    /// that unlock them; <c>requiredTier</c> and <c>lockedEngines</c> say the same to programs.
    /// </summary>
    public static ProblemHttpResult Refused(string tier, IReadOnlyList<string> locked)
    {
        ArgumentNullException.ThrowIfNull(locked);
        var names = string.Join(", ", locked);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Your tier does not include these engines.",
            detail: $"The {tier} tier exports json only; {names} {(locked.Count == 1 ? "needs" : "need")} the pro or lifetime tier, which unlock every engine.",
            extensions: new Dictionary<string, object?>
            {
                ["tier"] = tier,
                ["requiredTier"] = Unlocking,
                ["lockedEngines"] = locked,
            });
    }
}
