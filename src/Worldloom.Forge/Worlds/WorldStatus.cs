namespace Worldloom.Forge.Worlds;

/// <summary>The states of a <see cref="WorldRecord"/>.</summary>
public static class WorldStatus
{
    /// <summary>A generation job is running (the first one, or one for new overrides).</summary>
    public const string Generating = "generating";

    /// <summary>The head snapshot is ready to use.</summary>
    public const string Ready = "ready";

    /// <summary>The first generation failed; <see cref="WorldRecord.Error"/> says why.</summary>
    public const string Failed = "failed";
}
