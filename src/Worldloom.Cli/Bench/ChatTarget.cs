using System.Text.Json.Serialization;

namespace Worldloom.Cli.Bench;

/// <summary>One of the targets for the chat bench, against what the run measured.</summary>
/// <param name="Goal">The threshold, in the unit of the figure it names.</param>
/// <param name="Value">What the run measured; null when it did not (a server skipped, a process unknown).</param>
/// <param name="Met">Whether the value meets the goal; null when there is no value.</param>
internal sealed record ChatTarget(
    double Goal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Met)
{
    /// <summary>A target met when the value is at least <paramref name="goal"/>.</summary>
    public static ChatTarget AtLeast(double goal, double? value) => new(goal, value, value is null ? null : value >= goal);

    /// <summary>A target met when the value is below <paramref name="goal"/>.</summary>
    public static ChatTarget Below(double goal, double? value) => new(goal, value, value is null ? null : value < goal);
}
