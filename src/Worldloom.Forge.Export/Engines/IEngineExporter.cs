namespace Worldloom.Forge.Export.Engines;

/// <summary>
/// Turns a world into the files one game engine opens. An exporter is a pure function of its source: the same world
/// gives the same bytes, so bundles are byte-identical. Exporters may run in parallel, each with its own
/// <see cref="EngineFiles"/>; the shared, lazily computed assets of <see cref="ExportSource"/> are thread-safe.
/// </summary>
public interface IEngineExporter
{
    /// <summary>The engine's name as the API and CLI take it (<c>tiled</c>); also the bundle folder its files go in.</summary>
    string Engine { get; }

    /// <summary>Writes the engine's files into <paramref name="files"/> (paths relative to the engine's folder).</summary>
    void Export(ExportSource source, EngineFiles files);
}
