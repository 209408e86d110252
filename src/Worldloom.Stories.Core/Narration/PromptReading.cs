using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Narration;

/// <summary>What a prompt (or a summary) says, as far as words can tell: who, where, when, what mood, who speaks.</summary>
public sealed record PromptReading
{
    /// <summary>Characters, creatures and props named, in the order the text names them.</summary>
    public required IReadOnlyList<BibleEntity> Mentioned { get; init; }

    /// <summary>Locations named, in order; the first is the setting.</summary>
    public required IReadOnlyList<BibleEntity> Locations { get; init; }

    /// <summary>A biome the words point at ("desert", "marsh"), or null.</summary>
    public Biome? Biome { get; init; }

    /// <summary>A time of day named, or null.</summary>
    public TimeOfDay? Time { get; init; }

    /// <summary>Weather named, or null.</summary>
    public Weather? Weather { get; init; }

    /// <summary>The mood of the first mood word, or null.</summary>
    public Mood? Mood { get; init; }

    /// <summary>Entities the text makes speak ("Tomas speaks", "Mira asks").</summary>
    public required IReadOnlySet<string> Speakers { get; init; }

    /// <summary>
    /// What the text says entities do, in order: the words after a name (or after names joined by "and") up to the
    /// next clause break.
    /// </summary>
    public required IReadOnlyList<PromptDeed> Deeds { get; init; }
}
