using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench chat</c> prints last; see docs/benchmarks.md for each field.</summary>
internal sealed record ChatBenchReport
{
    /// <summary>Deliveries per second the issue asks of Worldloom on this machine, load generator included.</summary>
    public const double DeliveredGoal = 100_000;

    /// <summary>p99 at half load, in milliseconds, that the issue asks to stay under.</summary>
    public const double P99AtHalfLoadGoalMs = 10;

    /// <summary>How many times the peer's deliveries per second the issue asks for.</summary>
    public const double RatioGoal = 3;

    /// <summary>Idle connections the memory target is stated for.</summary>
    public const int IdleGoalConnections = 10_000;

    /// <summary>Bytes per idle connection to stay under ("10 KB", read as 10,000 bytes).</summary>
    public const double IdleGoalBytes = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always <c>chat</c>.</summary>
    public string Bench { get; init; } = "chat";

    /// <summary>Active connections per server.</summary>
    public required int Clients { get; init; }

    /// <summary>Rooms they are spread over.</summary>
    public required int Rooms { get; init; }

    /// <summary>Worldloom accounts the connections use.</summary>
    public required int Users { get; init; }

    /// <summary>Length of each measured phase.</summary>
    public required double Seconds { get; init; }

    /// <summary>Unmeasured sending before the throughput phase.</summary>
    public required double WarmupS { get; init; }

    /// <summary>Outstanding sends per client in the throughput phase.</summary>
    public required int Window { get; init; }

    /// <summary>Idle connections asked for.</summary>
    public required int Idle { get; init; }

    /// <summary>Worldloom's figures; null when skipped.</summary>
    public ChatServerFigures? Ours { get; init; }

    /// <summary>The Socket.IO peer's figures; null when skipped.</summary>
    public ChatServerFigures? Peer { get; init; }

    /// <summary>Our deliveries per second over the peer's; null unless both ran.</summary>
    public double? Ratio { get; init; }

    /// <summary>The targets, each with the measured value and whether it is met.</summary>
    public required IReadOnlyDictionary<string, ChatTarget> Targets { get; init; }

    /// <summary><c>in-process</c>, or the URL of the Worldloom server measured.</summary>
    public required string Server { get; init; }

    /// <summary>The in-process server's database (<c>sqlite</c>); null for a server elsewhere.</summary>
    public string? Database { get; init; }

    /// <summary>Cores and memory of the machine that ran the bench.</summary>
    public required string Machine { get; init; }

    /// <summary>The machine's one-minute load average when the bench started (Linux), to tell a noisy run.</summary>
    public double? LoadAvg1m { get; init; }

    /// <summary>Builds the report from the runs that happened.</summary>
    public static ChatBenchReport Create(ChatBenchSettings settings, ChatServerFigures? ours, ChatServerFigures? peer, double? load)
    {
        var ratio = ours is not null && peer is { DeliveredPerSec: > 0 } ? Math.Round(ours.DeliveredPerSec / peer.DeliveredPerSec, 2) : (double?)null;
        // RSS that shrank while the connections opened (the runtime returned memory it held before) measured nothing.
        var idle = ours?.BytesPerIdleConnection is { } bytes
            ? ours.IdleConnected < IdleGoalConnections ? new ChatTarget(IdleGoalBytes, bytes, false)
                : bytes <= 0 ? new ChatTarget(IdleGoalBytes, bytes, null) : ChatTarget.Below(IdleGoalBytes, bytes)
            : new ChatTarget(IdleGoalBytes, null, null);
        return new ChatBenchReport
        {
            Clients = settings.Clients,
            Rooms = settings.Rooms,
            Users = Math.Min(settings.Users, settings.Clients),
            Seconds = settings.Duration.TotalSeconds,
            WarmupS = settings.Warmup.TotalSeconds,
            Window = settings.Window,
            Idle = settings.Idle,
            Ours = ours,
            Peer = peer,
            Ratio = ratio,
            Targets = new Dictionary<string, ChatTarget>
            {
                ["deliveredPerSec"] = ChatTarget.AtLeast(DeliveredGoal, ours?.DeliveredPerSec),
                ["p99AtHalfLoadMs"] = ChatTarget.Below(P99AtHalfLoadGoalMs, ours?.P99AtHalfLoadMs),
                ["ratioToPeer"] = ChatTarget.AtLeast(RatioGoal, ratio),
                ["bytesPerIdleConnection"] = idle,
            },
            Server = ours is null ? "none" : settings.Url?.ToString() ?? "in-process",
            Database = ours is not null && settings.Url is null ? "sqlite" : null,
            Machine = MachineInfo.Describe(),
            LoadAvg1m = load,
        };
    }

    /// <summary>The report as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
