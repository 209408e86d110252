namespace Worldloom.Forge.Exports;

/// <summary>The states of a <see cref="WorldExportRecord"/>.</summary>
public static class ExportStatus
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>The exporters are running or the bundle is being packed and stored.</summary>
    public const string Running = "running";

    /// <summary>The bundle is stored and can be downloaded.</summary>
    public const string Ready = "ready";

    /// <summary>It failed or was cancelled; the error says why.</summary>
    public const string Failed = "failed";

    /// <summary>True for statuses an export never leaves.</summary>
    public static bool IsFinal(string status) => status is Ready or Failed;
}
