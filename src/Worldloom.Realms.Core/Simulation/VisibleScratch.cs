namespace Worldloom.Realms.Core.Simulation;

/// <summary>
/// The working lists of one thread's
/// <see cref="ZoneSimulation.CollectVisible(uint, int, int, List{Entities.EntityState}, VisibleScratch)"/> calls: a
/// server that collects for its clients on several threads gives each its own, so the queries share nothing they write.
/// </summary>
public sealed class VisibleScratch
{
    /// <summary>Grid items found for one viewer.</summary>
    internal List<int> Found { get; } = [];

    /// <summary>The grid's candidates, packed with their distances.</summary>
    internal List<long> Nearest { get; } = [];

    private ulong[] _marks = [];

    /// <summary>A bit per entity of a zone of <paramref name="entities"/>, all clear (the caller clears what it set).</summary>
    internal ulong[] Marks(int entities)
    {
        var words = (entities + 63) / 64;
        if (_marks.Length < words)
        {
            _marks = new ulong[Math.Max(words, _marks.Length * 2)];
        }

        return _marks;
    }
}
