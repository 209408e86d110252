namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench forge-export</c> measures.</summary>
/// <param name="Size">World side.</param>
/// <param name="Runs">Measured runs (medians are reported).</param>
/// <param name="Seed">The world's seed.</param>
internal sealed record ExportBenchSettings(int Size, int Runs, string Seed);
