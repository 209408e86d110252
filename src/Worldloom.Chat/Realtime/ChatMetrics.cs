using System.Diagnostics.Metrics;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Chat's own instruments, on a meter of the server's <see cref="IMeterFactory"/> (exported by prometheus-net's meter
/// adapter). Upgrades served at connection level pass no HTTP middleware, so prometheus-net's request metrics never see
/// them; this counts every upgrade's outcome on both paths instead.
/// </summary>
public sealed class ChatMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Worldloom.Chat";

    /// <summary>The name of the upgrade counter.</summary>
    public const string UpgradesName = "loom.chat.upgrades";

    /// <summary>The <c>served</c> tag of an upgrade served at Kestrel's connection level (<see cref="ChatUpgradeListener"/>).</summary>
    public const string ConnectionLevel = "connection";

    /// <summary>The <c>served</c> tag of an upgrade served by the HTTP endpoint (<see cref="ChatSocketEndpoint"/>).</summary>
    public const string HttpLevel = "http";

    private readonly Counter<long> _upgrades;

    /// <summary>Creates the instruments on <paramref name="meters"/>.</summary>
    public ChatMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _upgrades = meters.Create(MeterName).CreateCounter<long>(UpgradesName, "{upgrade}", "WebSocket upgrades of /api/chat/ws, by where they were served and the answer's status.");
    }

    /// <summary>Counts one upgrade answered with <paramref name="status"/> (101 when the socket opened).</summary>
    public void Upgrade(string served, int status) =>
        _upgrades.Add(1, new KeyValuePair<string, object?>("served", served), new KeyValuePair<string, object?>("status", status));
}
