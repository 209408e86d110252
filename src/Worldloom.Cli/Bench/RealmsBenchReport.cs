using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench realms</c> prints last; see docs/benchmarks.md for each field.</summary>
internal sealed record RealmsBenchReport
{
    /// <summary>Bots the issue asks one 2-core server to hold without tick overruns.</summary>
    public const int BotsGoal = 2000;

    /// <summary>How many times the peer's CCU the issue asks for.</summary>
    public const double CcuRatioGoal = 3;

    /// <summary>The share of the peer's bytes per client the issue allows.</summary>
    public const double BytesShareGoal = 1.0 / 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Always <c>realms</c>.</summary>
    public string Bench { get; init; } = "realms";

    /// <summary>Bots asked for (the CCU search's largest step with <c>--find-ccu</c>).</summary>
    public required int Bots { get; init; }

    /// <summary>Measured seconds per step.</summary>
    public required double Seconds { get; init; }

    /// <summary>Zones the bots are spread over on each server.</summary>
    public required int Zones { get; init; }

    /// <summary>The peer's creatures per zone.</summary>
    public required int PeerCreaturesPerZone { get; init; }

    /// <summary>Whether this was a CCU search.</summary>
    public required bool FindCcu { get; init; }

    /// <summary>Worldloom's figures; null when skipped.</summary>
    public RealmsServerFigures? Ours { get; init; }

    /// <summary>The Colyseus peer's figures; null when skipped.</summary>
    public RealmsServerFigures? Peer { get; init; }

    /// <summary>The targets, each with the measured value and whether it is met.</summary>
    public required IReadOnlyDictionary<string, ChatTarget> Targets { get; init; }

    /// <summary>Cores and memory of the machine that ran the bench.</summary>
    public required string Machine { get; init; }

    /// <summary>The machine's one-minute load average when the bench started (Linux), to tell a noisy run.</summary>
    public double? LoadAvg1m { get; init; }

    /// <summary>Builds the report from the runs that happened.</summary>
    public static RealmsBenchReport Create(RealmsBenchSettings settings, RealmsServerFigures? ours, RealmsServerFigures? peer, double? load)
    {
        // Without the search, "held" is judged at the one count measured: all joined, none dropped, no overrun.
        double? heldBots = settings.FindCcu ? ours?.Ccu
            : ours is null || ours.TickOverruns is null ? null
            : ours.DroppedBots == 0 && ours.FailedBots == 0 && ours.TickOverruns == 0 ? ours.ConnectedBots : 0;
        double? ccuRatio = settings.FindCcu && ours?.Ccu is { } o && peer?.Ccu is { } p && p > 0 ? Math.Round((double)o / p, 2) : null;

        // A ratio judges only when the peer's CCU is the peer's limit: one the load generator or --max-bots cut short
        // is a lower bound, and so is ours when it stopped at --max-bots (a ratio then can only pass, never fail).
        bool? ccuMet = ccuRatio is not { } r ? null
            : peer!.CcuLimitedBy != "server" ? null
            : r >= CcuRatioGoal ? true : ours!.CcuLimitedBy == "server" ? false : null;

        // Bytes per client grow with how many players see each other, so they are compared at one bot count: the
        // largest step both servers measured.
        var (oursBytes, peerBytes) = BytesAtSameCount(ours, peer);
        double? bytesShare = oursBytes > 0 && peerBytes > 0 ? Math.Round((double)oursBytes / peerBytes, 3) : null;
        return new RealmsBenchReport
        {
            Bots = settings.FindCcu ? settings.MaxBots : settings.Bots,
            Seconds = settings.Duration.TotalSeconds,
            Zones = settings.Zones,
            PeerCreaturesPerZone = settings.Creatures,
            FindCcu = settings.FindCcu,
            Ours = ours,
            Peer = peer,
            Targets = new Dictionary<string, ChatTarget>
            {
                ["botsWithoutOverruns"] = ChatTarget.AtLeast(BotsGoal, heldBots),
                ["ccuRatioToPeer"] = new(CcuRatioGoal, ccuRatio, ccuMet),
                ["bytesShareOfPeer"] = new(BytesShareGoal, bytesShare, bytesShare is null ? null : bytesShare <= BytesShareGoal),
            },
            Machine = MachineInfo.Describe(),
            LoadAvg1m = load,
        };
    }

    private static (long Ours, long Peer) BytesAtSameCount(RealmsServerFigures? ours, RealmsServerFigures? peer)
    {
        if (ours is null || peer is null || ours.ConnectedBots == 0)
        {
            return (0, 0);
        }

        if (ours.CcuSteps is null || peer.CcuSteps is null)
        {
            return (ours.BytesPerSecPerClient, peer.BytesPerSecPerClient);
        }

        var common = ours.CcuSteps.Select(s => s.Bots).Intersect(peer.CcuSteps.Select(s => s.Bots)).DefaultIfEmpty(0).Max();
        return common == 0 ? (0, 0)
            : (ours.CcuSteps.First(s => s.Bots == common).BytesPerSecPerClient, peer.CcuSteps.First(s => s.Bots == common).BytesPerSecPerClient);
    }

    /// <summary>The report as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
