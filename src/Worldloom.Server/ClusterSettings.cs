using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Worldloom.Server;

/// <summary>
/// Settings under <c>Loom:Cluster</c>, read once when the server is built: the silo is configured before the host
/// exists, so these cannot be ordinary options resolved later.
/// </summary>
internal sealed class ClusterSettings
{
    /// <summary><see cref="Mode"/> for a one-silo cluster on loopback (the default).</summary>
    public const string LocalhostMode = "localhost";

    /// <summary><see cref="Mode"/> for Orleans ADO.NET clustering on the server's PostgreSQL database.</summary>
    public const string PostgresMode = "postgres";

    /// <summary>Environment variable that selects the mode when <c>Loom:Cluster:Mode</c> is not set.</summary>
    public const string ModeEnvironmentVariable = "LOOM_CLUSTER";

    private ClusterSettings(string mode, int siloPort, int gatewayPort, string clusterId, string serviceId, IPAddress advertisedIp)
    {
        Mode = mode;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        ClusterId = clusterId;
        ServiceId = serviceId;
        AdvertisedIp = advertisedIp;
    }

    /// <summary><see cref="LocalhostMode"/> or <see cref="PostgresMode"/>.</summary>
    public string Mode { get; }

    /// <summary>True when silos find each other through the PostgreSQL membership table.</summary>
    public bool IsPostgres => Mode == PostgresMode;

    /// <summary>Port silos talk to each other on.</summary>
    public int SiloPort { get; }

    /// <summary>Port Orleans clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>Processes with the same cluster id (and database) form one cluster.</summary>
    public string ClusterId { get; }

    /// <summary>Identifies the application across cluster redeployments.</summary>
    public string ServiceId { get; }

    /// <summary>The address this silo publishes in the membership table, and listens on.</summary>
    public IPAddress AdvertisedIp { get; }

    /// <summary>
    /// Reads <c>Loom:Cluster</c>. <paramref name="environment"/> looks up <see cref="ModeEnvironmentVariable"/>, which
    /// only applies when no configuration source sets <c>Loom:Cluster:Mode</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is not one the server understands.</exception>
    public static ClusterSettings Read(IConfiguration configuration, Func<string, string?> environment)
    {
        var section = configuration.GetSection("Loom:Cluster");
        var mode = (section["Mode"] is { Length: > 0 } configured ? configured : environment(ModeEnvironmentVariable))?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(mode))
        {
            mode = LocalhostMode;
        }

        if (mode is not (LocalhostMode or PostgresMode))
        {
            throw new InvalidOperationException(
                $"Unknown cluster mode '{mode}' in Loom:Cluster:Mode (or {ModeEnvironmentVariable}); use '{LocalhostMode}' or '{PostgresMode}'.");
        }

        var advertised = section["AdvertisedIp"] is { Length: > 0 } text ? text.Trim() : "127.0.0.1";
        if (!IPAddress.TryParse(advertised, out var ip))
        {
            throw new InvalidOperationException($"Loom:Cluster:AdvertisedIp '{advertised}' is not an IP address.");
        }

        return new ClusterSettings(
            mode,
            Port(section, "SiloPort", 11111),
            Port(section, "GatewayPort", 30000),
            Name(section, "ClusterId"),
            Name(section, "ServiceId"),
            ip);
    }

    private static int Port(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Loom:Cluster:{key} '{text}' is not a port number (1-65535).");
        }

        return port;
    }

    private static string Name(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value.Trim() : "worldloom";
}
