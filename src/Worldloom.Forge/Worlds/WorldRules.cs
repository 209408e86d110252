namespace Worldloom.Forge.Worlds;

/// <summary>Limits on what a world request may carry.</summary>
public static class WorldRules
{
    /// <summary>Longest world name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest scripted rules source, in characters.</summary>
    public const int MaxRulesLength = 64 * 1024;

    /// <summary>Longest snapshot message.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>Most overrides a world may carry.</summary>
    public const int MaxOverrides = 1000;

    /// <summary>Most seeds in one batch.</summary>
    public const int MaxBatchSeeds = 1000;

    /// <summary>Largest side of a live preview, in cells.</summary>
    public const int MaxPreviewSide = 256;
}
