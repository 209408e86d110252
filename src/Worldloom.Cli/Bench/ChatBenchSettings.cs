namespace Worldloom.Cli.Bench;

/// <summary>What <c>loom bench chat</c> was asked to do.</summary>
/// <param name="Url">A running Worldloom server to measure, or null to start one in this process.</param>
/// <param name="ServerPid">The process of the server at <paramref name="Url"/>, for its memory and CPU; null when unknown.</param>
/// <param name="Clients">Active connections in the throughput and latency phases.</param>
/// <param name="Rooms">Rooms the clients are spread over (client <c>i</c> in room <c>i % rooms</c>).</param>
/// <param name="Users">Worldloom accounts the connections are spread over (several connections per user).</param>
/// <param name="Duration">Length of the throughput phase and of the half-load phase each.</param>
/// <param name="Warmup">Unmeasured sending before the throughput phase.</param>
/// <param name="Window">Sends each client keeps outstanding (unacknowledged) in the throughput phase.</param>
/// <param name="Idle">Idle connections (authenticated and subscribed) for the memory measurement; 0 skips it.</param>
/// <param name="Servers">Which servers to measure.</param>
/// <param name="WebRoot">The web app to serve, as for <c>loom serve</c>, so the in-process pipeline is the real one.</param>
internal sealed record ChatBenchSettings(
    Uri? Url, int? ServerPid, int Clients, int Rooms, int Users, TimeSpan Duration, TimeSpan Warmup, int Window, int Idle, ChatBenchServers Servers, string? WebRoot);
