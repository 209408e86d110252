namespace Worldloom.Forge.Exports;

/// <summary>One reading of an <see cref="ExportProgress"/>.</summary>
/// <param name="Version">Grows with every change, so a writer can skip readings it already wrote.</param>
/// <param name="Engines">Each engine's state, in bundle order.</param>
/// <param name="Percent">Progress of the whole job, 0–100.</param>
/// <param name="Stage">What is happening, for people.</param>
public sealed record ExportProgressReading(int Version, IReadOnlyList<EngineState> Engines, int Percent, string Stage);
