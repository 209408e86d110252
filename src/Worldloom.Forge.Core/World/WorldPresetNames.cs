namespace Worldloom.Forge.Core.World;

/// <summary>The snake_case names of <see cref="WorldPreset"/> values as the API, CLI and canonical JSON write them.</summary>
public static class WorldPresetNames
{
    private static readonly string[] Names = ["continent", "archipelago", "highlands", "desert", "frozen_north"];

    /// <summary>Every accepted name, in enum order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of <paramref name="preset"/>.</summary>
    public static string ToName(WorldPreset preset) =>
        (uint)preset < (uint)Names.Length ? Names[(int)preset] : throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset.");

    /// <summary>Parses a wire name (exact, case-sensitive, so one world has one spelling).</summary>
    public static bool TryParse(string? name, out WorldPreset preset)
    {
        var index = Array.IndexOf(Names, name);
        preset = index < 0 ? default : (WorldPreset)index;
        return index >= 0;
    }
}
