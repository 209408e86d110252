namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench forge</c> was asked to do.</summary>
/// <param name="Sizes">World sides to generate (square worlds, side × side cells), in the order given.</param>
/// <param name="Runs">Measured pipeline runs per size, after unmeasured warm-up runs (at least one, and at least 0.5 s); also ChaCha20 repetitions.</param>
/// <param name="ChaChaMiB">Keystream to generate per ChaCha20 measurement, in MiB.</param>
/// <param name="Seed">The seed every run uses, so every run of a size must give the same world hash.</param>
/// <param name="Warmup">How long to generate small worlds before any size is measured (zero: no such warm-up).</param>
internal sealed record ForgeBenchSettings(IReadOnlyList<int> Sizes, int Runs, int ChaChaMiB, string Seed, TimeSpan Warmup);
