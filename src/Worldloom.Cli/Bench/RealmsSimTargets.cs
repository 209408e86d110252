using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>The targets, checked against this run (reported, not asserted).</summary>
internal sealed record RealmsSimTargets
{
    /// <summary>A zone's tick p99 under 10 ms (what each zone grain's 20 Hz timer must fit).</summary>
    [JsonPropertyName("zone_tick_p99_under_10ms")]
    public required bool ZoneTickP99Under10Ms { get; init; }

    /// <summary>Every zone's tick, one after another on one core, p99 under 10 ms.</summary>
    [JsonPropertyName("realm_tick_p99_under_10ms")]
    public required bool RealmTickP99Under10Ms { get; init; }

    /// <summary>A zone's tick p99 under 10 ms in CPU time.</summary>
    [JsonPropertyName("zone_tick_cpu_p99_under_10ms")]
    public required bool ZoneTickCpuP99Under10Ms { get; init; }

    /// <summary>The realm's tick p99 under 10 ms in CPU time.</summary>
    [JsonPropertyName("realm_tick_cpu_p99_under_10ms")]
    public required bool RealmTickCpuP99Under10Ms { get; init; }

    /// <summary>The 99th percentile player's downlink under 4 KB/s.</summary>
    [JsonPropertyName("bytes_per_player_p99_under_4kb_s")]
    public required bool BytesPerPlayerP99Under4KbS { get; init; }
}
