using Worldloom.Realms.Core.Zones;

namespace Worldloom.Realms.Zones;

/// <summary>A way out of a zone, as the API shows it.</summary>
/// <param name="Edge">north, east, south or west.</param>
/// <param name="X">The neighbouring zone's column.</param>
/// <param name="Y">The neighbouring zone's row.</param>
public sealed record ExitView(string Edge, int X, int Y)
{
    /// <summary>The views of a zone's exits, in its order.</summary>
    public static List<ExitView> From(IReadOnlyList<ZoneExit> exits)
    {
        ArgumentNullException.ThrowIfNull(exits);
        return [.. exits.Select(e => new ExitView(e.Edge.ToString().ToLowerInvariant(), e.Target.X, e.Target.Y))];
    }
}
