namespace Worldloom.Chat.Client.Realtime;

/// <summary>
/// One room's messages in id order, merged by id: a history page, a resumed backlog and live events may overlap, and
/// each message still appears once, as its newest version. Safe to share between threads: a client's frame pump and
/// its commands both write to it while its screen reads it.
/// </summary>
public sealed class MessageLog
{
    private readonly Lock _gate = new();
    private readonly SortedList<Guid, ChatMessage> _messages = [];

    /// <summary>The messages, oldest first (a copy).</summary>
    public IReadOnlyList<ChatMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages.Values];
            }
        }
    }

    /// <summary>The newest id held: where a resume starts.</summary>
    public Guid? LastId
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count == 0 ? null : _messages.Keys[^1];
            }
        }
    }

    /// <summary>Adds or replaces a message.</summary>
    /// <returns>Whether the message was new.</returns>
    public bool Merge(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            var added = !_messages.ContainsKey(message.Id);
            _messages[message.Id] = message;
            return added;
        }
    }

    /// <summary>Merges many (a page in either order).</summary>
    public void MergeAll(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var m in messages)
        {
            Merge(m);
        }
    }

    /// <summary>Turns a held message into a tombstone.</summary>
    public void Tombstone(Guid messageId)
    {
        lock (_gate)
        {
            if (_messages.TryGetValue(messageId, out var m))
            {
                _messages[messageId] = m with { Body = null, Deleted = true, Reactions = new Dictionary<string, int>() };
            }
        }
    }

    /// <summary>Replaces a held message's reaction counts.</summary>
    public void React(Guid messageId, IReadOnlyDictionary<string, int> reactions)
    {
        lock (_gate)
        {
            if (_messages.TryGetValue(messageId, out var m))
            {
                _messages[messageId] = m with { Reactions = reactions };
            }
        }
    }

    /// <summary>A held message.</summary>
    public ChatMessage? Find(Guid id)
    {
        lock (_gate)
        {
            return _messages.GetValueOrDefault(id);
        }
    }
}
