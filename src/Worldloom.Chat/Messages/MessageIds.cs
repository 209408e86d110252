namespace Worldloom.Chat.Messages;

/// <summary>
/// Version 7 ids that strictly increase within this process. <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills
/// the bits after the millisecond with random ones, so two messages in the same millisecond would sort at random; here
/// the next id in the same (or an earlier) millisecond is the last one plus one. Across server nodes the order is the
/// millisecond's, which is what a scale-out will have to refine.
/// </summary>
public sealed class MessageIds
{
    private readonly Lock _gate = new();
    private readonly byte[] _last = new byte[16];
    private long _lastMillis = long.MinValue;

    /// <summary>The next id for a message created at <paramref name="now"/>.</summary>
    public Guid Next(DateTimeOffset now)
    {
        lock (_gate)
        {
            var millis = now.ToUnixTimeMilliseconds();
            if (millis > _lastMillis)
            {
                Guid.CreateVersion7(now).TryWriteBytes(_last, bigEndian: true, out _);
                _lastMillis = millis;
            }
            else
            {
                Increment(_last);
            }

            return new Guid(_last, bigEndian: true);
        }
    }

    /// <summary>The smallest id after <paramref name="id"/>: for a room whose last id came from another node's clock.</summary>
    public static Guid Successor(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        Increment(bytes);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Adds one to the random tail (bytes 9..15, below the variant bits); 2^56 ids per millisecond before it wraps.</summary>
    private static void Increment(Span<byte> bytes)
    {
        for (var i = 15; i >= 9 && ++bytes[i] == 0; i--)
        {
        }
    }
}
