using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Core.Shots;

/// <summary>
/// Where and when a shot happens: a bible location, or only a biome when the scene is somewhere unnamed. A setting
/// with a location and a biome must agree with the location's biome (the validator corrects it when they do not).
/// </summary>
public sealed record ShotSetting
{
    /// <summary>The bible location (<c>loc_...</c>), or null.</summary>
    public string? Location { get; init; }

    /// <summary>The biome to paint; null to take the location's.</summary>
    public Biome? Biome { get; init; }

    /// <summary>The light.</summary>
    public TimeOfDay Time { get; init; } = TimeOfDay.Day;

    /// <summary>The sky.</summary>
    public Weather Weather { get; init; } = Weather.Clear;
}
