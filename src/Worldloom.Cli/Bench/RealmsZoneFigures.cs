using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>One zone's figures.</summary>
internal sealed record RealmsZoneFigures
{
    public required int X { get; init; }

    public required int Y { get; init; }

    public required int WalkableTiles { get; init; }

    public required int Players { get; init; }

    public required int Creatures { get; init; }

    public required Spread TickMs { get; init; }

    public required Spread TickCpuMs { get; init; }

    [JsonPropertyName("bytes_per_player_s_mean")]
    public required double BytesPerPlayerSMean { get; init; }

    public required double VisibleMean { get; init; }
}
