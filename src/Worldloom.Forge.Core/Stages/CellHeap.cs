namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// A binary min-heap of cells keyed by (level, cell index), packed into one <see cref="long"/> so a comparison is one
/// integer compare and equal levels always come out in cell-index order. Fixed order in, fixed order out.
/// </summary>
internal sealed class CellHeap
{
    private long[] _keys = new long[1024];

    public int Count { get; private set; }

    public void Push(int level, int cell)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        var key = ((long)level << 32) | (uint)cell;
        var at = Count++;
        while (at > 0)
        {
            var parent = (at - 1) >> 1;
            if (_keys[parent] <= key)
            {
                break;
            }

            _keys[at] = _keys[parent];
            at = parent;
        }

        _keys[at] = key;
    }

    /// <summary>Removes the lowest (level, cell) and returns its cell.</summary>
    public int Pop()
    {
        var top = _keys[0];
        var last = _keys[--Count];
        var at = 0;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _keys[child + 1] < _keys[child])
            {
                child++;
            }

            if (_keys[child] >= last)
            {
                break;
            }

            _keys[at] = _keys[child];
            at = child;
        }

        if (Count > 0)
        {
            _keys[at] = last;
        }

        return (int)(uint)top;
    }
}
