namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// A binary min-heap of 64-bit keys. Searches pack (priority, cell) into one key, so every key is distinct and the
/// pop order is fully fixed by the keys: no hidden tie-break, no allocation per push once the array has grown.
/// </summary>
internal sealed class KeyHeap
{
    private long[] _keys = new long[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(long key)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_keys[parent] <= key)
            {
                break;
            }

            _keys[i] = _keys[parent];
            i = parent;
        }

        _keys[i] = key;
    }

    public long Pop()
    {
        var top = _keys[0];
        var last = _keys[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
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

            _keys[i] = _keys[child];
            i = child;
        }

        if (Count > 0)
        {
            _keys[i] = last;
        }

        return top;
    }
}
