namespace Worldloom.Forge.Export;

/// <summary>
/// Hears an export's progress: engines may run in parallel, so implementations must be thread-safe. The server's job
/// turns these into per-engine status; the CLI into a progress bar.
/// </summary>
public interface IExportObserver
{
    /// <summary>An engine's exporter started.</summary>
    void EngineStarted(string engine);

    /// <summary>An engine's exporter finished with <paramref name="files"/> files of <paramref name="bytes"/> bytes in all.</summary>
    void EngineFinished(string engine, int files, long bytes);

    /// <summary>Every engine is done; the bundle is being hashed, signed and zipped.</summary>
    void Packing();
}
