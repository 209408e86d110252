namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench api</c> was asked to do.</summary>
/// <param name="Url">A running server to measure, or null to start one in this process.</param>
/// <param name="Rate">Requests per second, held constant.</param>
/// <param name="Duration">Length of each measured phase.</param>
/// <param name="Warmup">Unmeasured load before them.</param>
/// <param name="Concurrency">Workers, each with its own connection: the most requests in flight at once.</param>
/// <param name="Users">Accounts the requests are spread over.</param>
/// <param name="Baseline">Whether to also measure the do-nothing endpoint (in-process server only).</param>
/// <param name="WebRoot">The web app to serve, as for <c>loom serve</c>, so the in-process pipeline is the real one.</param>
internal sealed record ApiBenchSettings(Uri? Url, int Rate, TimeSpan Duration, TimeSpan Warmup, int Concurrency, int Users, bool Baseline, string? WebRoot);
