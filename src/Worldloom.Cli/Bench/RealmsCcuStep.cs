namespace Worldloom.Cli.Bench;

/// <summary>One step of the CCU search.</summary>
/// <param name="Bots">Bots asked for.</param>
/// <param name="TickP99Ms">Its tick p99.</param>
/// <param name="ServerCores">Cores the server kept busy.</param>
/// <param name="BytesPerSecPerClient">Bytes received per bot per second.</param>
/// <param name="Held">Whether the server held it.</param>
/// <param name="GeneratorSaturated">Whether the generator fell behind.</param>
internal sealed record RealmsCcuStep(int Bots, double? TickP99Ms, double? ServerCores, long BytesPerSecPerClient, bool Held, bool GeneratorSaturated);
