using System.Diagnostics.Metrics;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// Chat's own instruments, on a meter of the server's <see cref="IMeterFactory"/> (exported by prometheus-net's meter
/// adapter). Upgrades served at connection level pass no HTTP middleware, so prometheus-net's request metrics never see
/// them; this counts every upgrade's outcome on both paths instead. The message store's group commits are timed here
/// too: a sent message waits for the commit in progress and then its own, so long commits are slow acks.
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
    private readonly Histogram<double> _commitSeconds;
    private readonly Histogram<int> _commitMessages;

    /// <summary>Creates the instruments on <paramref name="meters"/>.</summary>
    public ChatMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _upgrades = meter.CreateCounter<long>(UpgradesName, "{upgrade}", "WebSocket upgrades of /api/chat/ws, by where they were served and the answer's status.");
        _commitSeconds = meter.CreateHistogram<double>("loom.chat.store.commit.duration", "s", "Duration of the chat message store's group commits.");
        _commitMessages = meter.CreateHistogram<int>("loom.chat.store.commit.messages", "{message}", "Messages written by one group commit of the chat message store.");
    }

    /// <summary>Records one group commit of <paramref name="messages"/> messages that took <paramref name="elapsed"/>.</summary>
    public void Commit(int messages, TimeSpan elapsed)
    {
        _commitSeconds.Record(elapsed.TotalSeconds);
        _commitMessages.Record(messages);
    }

    /// <summary>Counts one upgrade answered with <paramref name="status"/> (101 when the socket opened).</summary>
    public void Upgrade(string served, int status) =>
        _upgrades.Add(1, new KeyValuePair<string, object?>("served", served), new KeyValuePair<string, object?>("status", status));
}
