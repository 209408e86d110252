namespace Worldloom.Chat.Client.Realtime;

/// <summary>
/// Sends waiting for their <c>ack</c>, in the order they were made. After a reconnect every one is sent again: the
/// server answers a repeated client id with the first message's <c>ack</c>, so nothing is lost and nothing doubles.
/// </summary>
public sealed class Outbox
{
    private readonly List<PendingSend> _pending = [];
    private readonly Lock _gate = new();

    /// <summary>How many sends wait for an ack.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Adds a send; a second one with the same room and client id replaces nothing and is ignored.</summary>
    /// <returns>Whether it was added.</returns>
    public bool Add(PendingSend send)
    {
        ArgumentNullException.ThrowIfNull(send);
        lock (_gate)
        {
            if (_pending.Any(p => p.RoomId == send.RoomId && p.ClientId == send.ClientId))
            {
                return false;
            }

            _pending.Add(send);
            return true;
        }
    }

    /// <summary>Removes the send an <c>ack</c> confirmed.</summary>
    /// <returns>The send, or null when none was waiting (an ack for a send made elsewhere).</returns>
    public PendingSend? Acknowledge(Guid roomId, string clientId)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => p.RoomId == roomId && p.ClientId == clientId);
            if (index < 0)
            {
                return null;
            }

            var send = _pending[index];
            _pending.RemoveAt(index);
            return send;
        }
    }

    /// <summary>The waiting sends, oldest first, to send again after a reconnect.</summary>
    public IReadOnlyList<PendingSend> Snapshot()
    {
        lock (_gate)
        {
            return [.. _pending];
        }
    }
}
