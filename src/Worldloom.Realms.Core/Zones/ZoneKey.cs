namespace Worldloom.Realms.Core.Zones;

/// <summary>A zone's place in its world's grid of zones: zone (X, Y) covers world cells
/// [X·size, (X+1)·size) × [Y·size, (Y+1)·size), clipped at the world's edge.</summary>
/// <param name="X">Zone column, from 0 in the west.</param>
/// <param name="Y">Zone row, from 0 in the north.</param>
public readonly record struct ZoneKey(int X, int Y)
{
    /// <summary>The zone one step towards <paramref name="edge"/>.</summary>
    public ZoneKey Towards(ZoneEdge edge) => edge switch
    {
        ZoneEdge.North => new(X, Y - 1),
        ZoneEdge.East => new(X + 1, Y),
        ZoneEdge.South => new(X, Y + 1),
        ZoneEdge.West => new(X - 1, Y),
        _ => throw new ArgumentOutOfRangeException(nameof(edge), edge, "Not an edge."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{X}-{Y}";
}
