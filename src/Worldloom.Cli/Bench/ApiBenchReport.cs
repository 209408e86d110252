using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The one-line JSON summary <c>loom bench api</c> prints last; see docs/benchmarks.md for each field.</summary>
internal sealed record ApiBenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Always <c>api</c>.</summary>
    public string Bench { get; init; } = "api";

    /// <summary>Requests per second asked for.</summary>
    public required int TargetRps { get; init; }

    /// <summary>Requests completed per second, tail included.</summary>
    public required double AchievedRps { get; init; }

    /// <summary>Requests sent in the measured phase.</summary>
    public required long Requests { get; init; }

    /// <summary>Requests without a response.</summary>
    public required long Errors { get; init; }

    /// <summary>Responses outside 2xx.</summary>
    [JsonPropertyName("non2xx")]
    public required long Non2xx { get; init; }

    /// <summary>Median latency, both endpoints.</summary>
    [JsonPropertyName("p50_ms")]
    public required double P50Ms { get; init; }

    /// <summary>95th percentile, both endpoints.</summary>
    [JsonPropertyName("p95_ms")]
    public required double P95Ms { get; init; }

    /// <summary>99th percentile, both endpoints.</summary>
    [JsonPropertyName("p99_ms")]
    public required double P99Ms { get; init; }

    /// <summary>Slowest response.</summary>
    public required double MaxMs { get; init; }

    /// <summary>95th percentile of <c>GET /api/me</c> alone.</summary>
    [JsonPropertyName("me_p95_ms")]
    public required double MeP95Ms { get; init; }

    /// <summary>95th percentile of <c>GET /api/projects</c> alone.</summary>
    [JsonPropertyName("projects_p95_ms")]
    public required double ProjectsP95Ms { get; init; }

    /// <summary>99th percentile of how late the load generator sent against the schedule (already inside the latencies).</summary>
    [JsonPropertyName("dispatch_lag_p99_ms")]
    public required double DispatchLagP99Ms { get; init; }

    /// <summary>Process CPU time per request in microseconds: server and load generator together when in-process.</summary>
    [JsonPropertyName("cpu_us_per_request")]
    public required double CpuUsPerRequest { get; init; }

    /// <summary>Cores this process kept busy during the measured phase.</summary>
    public required double CoresUsed { get; init; }

    /// <summary>
    /// Cores other processes kept busy meanwhile (Linux): above zero, the machine was shared. With <c>--url</c> on the
    /// same machine this includes the server being measured.
    /// </summary>
    public double? OtherCoresBusy { get; init; }

    /// <summary>The do-nothing endpoint at the same rate: requests completed per second.</summary>
    public double? BaselineAchievedRps { get; init; }

    /// <summary>The do-nothing endpoint: failed or non-2xx requests.</summary>
    public long? BaselineFailures { get; init; }

    /// <summary>The do-nothing endpoint: process CPU time per request in microseconds.</summary>
    [JsonPropertyName("baseline_cpu_us_per_request")]
    public double? BaselineCpuUsPerRequest { get; init; }

    /// <summary>The do-nothing endpoint: cores other processes kept busy meanwhile.</summary>
    public double? BaselineOtherCoresBusy { get; init; }

    /// <summary>The do-nothing endpoint: median.</summary>
    [JsonPropertyName("baseline_p50_ms")]
    public double? BaselineP50Ms { get; init; }

    /// <summary>The do-nothing endpoint: 95th percentile.</summary>
    [JsonPropertyName("baseline_p95_ms")]
    public double? BaselineP95Ms { get; init; }

    /// <summary>The do-nothing endpoint: 99th percentile.</summary>
    [JsonPropertyName("baseline_p99_ms")]
    public double? BaselineP99Ms { get; init; }

    /// <summary>The do-nothing endpoint: slowest response.</summary>
    public double? BaselineMaxMs { get; init; }

    /// <summary><see cref="P95Ms"/> over <see cref="BaselineP95Ms"/>: what the API costs beyond the bare pipeline.</summary>
    [JsonPropertyName("p95_vs_baseline")]
    public double? P95VsBaseline { get; init; }

    /// <summary>Workers (and connections) sending requests.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Accounts the requests are spread over.</summary>
    public required int Users { get; init; }

    /// <summary>Length of the measured phase, per endpoint set.</summary>
    [JsonPropertyName("duration_s")]
    public required double DurationS { get; init; }

    /// <summary>Unmeasured warm-up before it.</summary>
    [JsonPropertyName("warmup_s")]
    public required double WarmupS { get; init; }

    /// <summary><c>in-process</c>, or the URL of the server measured.</summary>
    public required string Server { get; init; }

    /// <summary>The in-process server's database (<c>sqlite</c>); null for a server elsewhere.</summary>
    public string? Database { get; init; }

    /// <summary>Cores and memory of the machine that ran the bench.</summary>
    public required string Machine { get; init; }

    /// <summary>The machine's one-minute load average when the bench started (Linux), to tell a noisy run.</summary>
    [JsonPropertyName("load_avg_1m")]
    public double? LoadAvg1m { get; init; }

    /// <summary>The report as one line of JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
