namespace Worldloom.Forge.Exports;

/// <summary>Where one engine of an export stands.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Status"><c>queued</c>, <c>running</c> or <c>done</c>.</param>
/// <param name="Files">Files written, once done.</param>
/// <param name="Bytes">Their total size uncompressed, once done.</param>
public sealed record EngineState(string Engine, string Status, int Files, long Bytes)
{
    /// <summary>Not started.</summary>
    public const string Queued = "queued";

    /// <summary>Its exporter is running.</summary>
    public const string Running = "running";

    /// <summary>Its files are written.</summary>
    public const string Done = "done";
}
