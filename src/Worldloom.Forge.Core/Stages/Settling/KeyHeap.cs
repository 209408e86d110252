namespace Worldloom.Forge.Core.Stages.Settling;

/// <summary>
/// A binary min-heap of (priority, item) pairs of integers, ordered by priority and then by item. Every pair a search
/// pushes is distinct, so the pop order is fixed by the pairs alone: no hidden tie-break, and no allocation per push
/// once the arrays have grown.
/// </summary>
internal sealed class KeyHeap
{
    private long[] _priorities = new long[256];
    private int[] _items = new int[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(long priority, int item)
    {
        if (Count == _priorities.Length)
        {
            Array.Resize(ref _priorities, _priorities.Length * 2);
            Array.Resize(ref _items, _items.Length * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(priority, item, _priorities[parent], _items[parent]))
            {
                break;
            }

            _priorities[i] = _priorities[parent];
            _items[i] = _items[parent];
            i = parent;
        }

        _priorities[i] = priority;
        _items[i] = item;
    }

    public int Pop(out long priority)
    {
        priority = _priorities[0];
        var top = _items[0];
        var count = --Count;
        long lastPriority = _priorities[count];
        var lastItem = _items[count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Less(_priorities[child + 1], _items[child + 1], _priorities[child], _items[child]))
            {
                child++;
            }

            if (!Less(_priorities[child], _items[child], lastPriority, lastItem))
            {
                break;
            }

            _priorities[i] = _priorities[child];
            _items[i] = _items[child];
            i = child;
        }

        if (count > 0)
        {
            _priorities[i] = lastPriority;
            _items[i] = lastItem;
        }

        return top;
    }

    private static bool Less(long p, int item, long q, int other) => p < q || (p == q && item < other);
}
