using Worldloom.Forge.Core.Naming;
using Worldloom.Forge.Core.Random;

namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// The names and colours of regions and factions, by culture. The tables are part of the generator version: edit
/// them only with a version bump.
/// </summary>
internal static class Heraldry
{
    /// <summary>
    /// Faction map colours, 0xRRGGBB, in faction order: Kelly's colours of maximum contrast without white and black,
    /// then twelve more kept apart from them, enough for <c>WorldParameters.MaxFactionCount</c> factions.
    /// </summary>
    public static readonly int[] Palette =
    [
        0xBE0032, 0x0067A5, 0xF3C300, 0x008856, 0x875692, 0xF38400, 0xA1CAF1, 0xC2B280,
        0x848482, 0xE68FAC, 0xF99379, 0x604E97, 0xF6A600, 0xB3446C, 0xDCD300, 0x882D17,
        0x8DB600, 0x654522, 0xE25822, 0x2B3D26, 0x17BECF, 0x9EDAE5, 0x393B79, 0x637939,
        0x8C6D31, 0x843C39, 0x7B4173, 0x5254A3, 0xCEDB9C, 0xE7969C, 0x3182BD, 0x31A354,
    ];

    // Region name forms by culture id; {0} is the seat's name.
    private static readonly Dictionary<string, string[]> RegionForms = new(StringComparer.Ordinal)
    {
        ["nordic"] = ["{0}mark", "{0} Hold"],
        ["sylvan"] = ["{0} Vale", "{0}shire"],
        ["desert"] = ["Sands of {0}", "{0} Emirate"],
        ["highland"] = ["{0} March", "{0} Glens"],
        ["maritime"] = ["{0} Coast", "{0} Reach"],
        ["imperial"] = ["Province of {0}", "{0} March"],
        ["jungle"] = ["{0} Basin", "{0} Wilds"],
    };

    // Faction name forms by culture id; {0} is a fresh root word of the culture.
    private static readonly Dictionary<string, string[]> FactionForms = new(StringComparer.Ordinal)
    {
        ["nordic"] = ["Jarldom of {0}", "Kingdom of {0}", "{0} Thanes"],
        ["sylvan"] = ["Kingdom of {0}", "Circle of {0}", "{0} Concord"],
        ["desert"] = ["{0} Khanate", "Sultanate of {0}", "{0} Caliphate"],
        ["highland"] = ["Clans of {0}", "High Kingdom of {0}", "{0} Confederacy"],
        ["maritime"] = ["Free Cities of {0}", "{0} League", "Admiralty of {0}"],
        ["imperial"] = ["Empire of {0}", "Kingdom of {0}", "{0} Republic"],
        ["jungle"] = ["{0} Dominion", "Realm of {0}", "Sun Throne of {0}"],
    };

    /// <summary>
    /// A region named after its seat: a third of the time a place name of its own, otherwise one of the culture's
    /// forms around the seat's name ("Harrowmere March", "Skaldheimmark").
    /// </summary>
    public static string SeatRegionName(Culture culture, string seatName, ChaChaRng rng)
    {
        if (rng.NextInt(3) == 0)
        {
            return NameGenerator.PlaceName(culture, rng);
        }

        var forms = RegionForms.GetValueOrDefault(culture.Id) ?? RegionForms["imperial"];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, forms[rng.NextInt(forms.Length)], seatName);
    }

    /// <summary>A region of unsettled land: "Isle of X" under 1024 cells, "X Wilds" otherwise.</summary>
    public static string WildName(Culture culture, int cells, ChaChaRng rng)
    {
        var word = NameGenerator.Word(culture, rng, 2, 3);
        return cells < 1024 ? "Isle of " + word : word + " Wilds";
    }

    /// <summary>A faction's name from its culture's forms and a fresh root word.</summary>
    public static string FactionName(Culture culture, ChaChaRng rng)
    {
        var forms = FactionForms.GetValueOrDefault(culture.Id) ?? FactionForms["imperial"];
        var form = forms[rng.NextInt(forms.Length)];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, form, NameGenerator.Word(culture, rng, 2, 3));
    }

    /// <summary>The word for a standing: war ≤ −60, rival ≤ −20, neutral &lt; 20, friendly &lt; 60, allied ≥ 60.</summary>
    public static string Stance(int standing) => standing switch
    {
        <= -60 => "war",
        <= -20 => "rival",
        < 20 => "neutral",
        < 60 => "friendly",
        _ => "allied",
    };
}
