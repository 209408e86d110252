using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// The room's writer. Reentrant: a send assigns its id and queues its row without awaiting in between, and the store
/// completes in queue order, so broadcasts leave in id order while many sends of one room share a commit.
/// </summary>
[Reentrant]
public sealed class ChatRoomGrain(IServiceScopeFactory scopes, ChatMessageStore store, MessageIds ids, LoomClock clock) : Grain, IChatRoomGrain
{
    /// <summary>A node that has not refreshed its subscriptions for this long is taken for dead.</summary>
    private static readonly TimeSpan NodeLifetime = TimeSpan.FromSeconds(90);

    /// <summary>Typing is relayed at most this often per user.</summary>
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, Standing> _members = [];
    private readonly Dictionary<IChatNodeObserver, NodeSubscriptions> _nodes = [];
    private readonly Dictionary<Guid, int> _online = [];
    private readonly Dictionary<Guid, DateTimeOffset> _typing = [];
    private ChatRoom? _room;
    private Guid _lastId;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var roomId = this.GetPrimaryKey();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        _room = await db.Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        // Ids must keep increasing when the room moves to another node, whose id source never saw this room.
        _lastId = await db.Set<ChatMessage>().Where(m => m.RoomId == roomId).OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        this.RegisterGrainTimer(SweepNodes, new GrainTimerCreationOptions(NodeLifetime / 3, NodeLifetime / 3) { Interleave = true });
    }

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(Guid authorId, string clientId, string body, Guid? replyTo, AttachmentRef[]? attachments)
    {
        AttachmentView[]? files = null;
        var refusal = await RefusalAsync(authorId) ?? await UnsealedAsync(authorId, clientId, body);
        if (refusal is null && attachments is { Length: > 0 })
        {
            (files, refusal) = await AttachedAsync(authorId, clientId, attachments);
        }

        if (refusal is not null)
        {
            // A resend of a message stored before a mute, a ban or a key rotation still gets its answer.
            return refusal.Error is not (ChatErrors.NotFound or ChatErrors.NotMember) && await FirstAsync(authorId, clientId) is { } first
                ? new SendOutcome(null, null, first.Id, first.CreatedAt, Duplicate: true)
                : refusal;
        }

        if (replyTo is { } parent && !await InRoomAsync(parent))
        {
            return SendOutcome.Refused("invalid", "no message with that id in this room.", "replyTo");
        }

        var now = clock.GetUtcNow();
        var id = ids.Next(now);
        if (id.CompareTo(_lastId) <= 0)
        {
            id = MessageIds.Successor(_lastId);
        }

        _lastId = id;
        var message = new ChatMessage { Id = id, RoomId = _room!.Id, AuthorId = authorId, ClientId = clientId, Body = body, ReplyToId = replyTo, CreatedAt = now,
            Attachments = MessageAttachments.ToJson(files),
        };
        if (!await store.StoreAsync(message))
        {
            var first = await FirstAsync(authorId, clientId) ?? throw new InvalidOperationException("A duplicate client id without its first message.");
            return new SendOutcome(null, null, first.Id, first.CreatedAt, Duplicate: true);
        }

        Broadcast(new RoomFrame(ChatWire.Serialize(new MessageEvent(MessageView.From(message))), MessageId: id));
        return new SendOutcome(null, null, id, now, Duplicate: false, Attachments: files);
    }

    /// <inheritdoc />
    public async Task<SubscribeOutcome> SubscribeAsync(IChatNodeObserver node, Guid connectionId, Guid userId)
    {
        if (_room is null)
        {
            return new SubscribeOutcome(ChatErrors.NotFound, []);
        }

        if (await MemberAsync(userId) is null)
        {
            return new SubscribeOutcome(_room.Kind == ChatRoomKinds.Public ? ChatErrors.NotMember : ChatErrors.NotFound, []);
        }

        var entry = Node(node);
        if (entry.Connections.TryAdd(connectionId, userId))
        {
            Arrive(userId);
        }

        return new SubscribeOutcome(null, [.. _online.Keys]);
    }

    /// <inheritdoc />
    public Task UnsubscribeAsync(IChatNodeObserver node, Guid connectionId)
    {
        if (_nodes.TryGetValue(node, out var entry) && entry.Connections.Remove(connectionId, out var userId))
        {
            Depart(userId);
            if (entry.Connections.Count == 0)
            {
                _nodes.Remove(node);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RefreshAsync(IChatNodeObserver node, Dictionary<Guid, Guid> connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var entry = Node(node);
        foreach (var (connectionId, userId) in entry.Connections.Where(c => !connections.ContainsKey(c.Key)).ToList())
        {
            entry.Connections.Remove(connectionId);
            Depart(userId);
        }

        foreach (var (connectionId, userId) in connections)
        {
            // Only members come back in: a node's list can be older than a removal.
            if (_members.TryGetValue(userId, out var standing) && standing.Member is not null && entry.Connections.TryAdd(connectionId, userId))
            {
                Arrive(userId);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<string?> TypingAsync(Guid userId)
    {
        if (await RefusalAsync(userId) is { } refusal)
        {
            return refusal.Error;
        }

        var now = clock.GetUtcNow();
        if (_typing.TryGetValue(userId, out var last) && now - last < TypingInterval && now >= last)
        {
            return null;
        }

        _typing[userId] = now;
        Broadcast(new RoomFrame(ChatWire.Serialize(new TypingEvent(_room!.Id, userId)), ExceptUser: userId));
        return null;
    }

    /// <inheritdoc />
    public Task PublishAsync(RoomFrame frame)
    {
        Broadcast(frame);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RoomChangedAsync() => ReloadRoomAsync();

    /// <inheritdoc />
    public async Task MemberChangedAsync(Guid userId)
    {
        _members.Remove(userId);
        if (_room is null)
        {
            // The room may have been created after this activation looked for it.
            await ReloadRoomAsync();
        }

        if (await MemberAsync(userId) is not null)
        {
            return;
        }

        foreach (var (node, entry) in _nodes)
        {
            var gone = entry.Connections.Where(c => c.Value == userId).Select(c => c.Key).ToList();
            foreach (var connectionId in gone)
            {
                entry.Connections.Remove(connectionId);
                Depart(userId);
            }

            if (gone.Count > 0)
            {
                _ = node.DropAsync(_room!.Id, userId);
            }
        }
    }

    /// <summary>Why <paramref name="userId"/> may not write here now, or null: the room's existence, then <see cref="SendPolicy"/>.</summary>
    private async Task<SendOutcome?> RefusalAsync(Guid userId)
    {
        if (_room is null)
        {
            await ReloadRoomAsync();
        }

        if (_room is null || _room.ClosedAt is not null)
        {
            return SendOutcome.Refused(ChatErrors.NotFound, "no such room.", "roomId");
        }

        var standing = await StandingAsync(userId);
        var now = clock.GetUtcNow();
        if (SendPolicy.Decide(standing.Member, standing.Ban, standing.SiteBan, now) is not { } refusal)
        {
            return null;
        }

        if (refusal.Code == SendPolicy.NotMember && _room.Kind != ChatRoomKinds.Public)
        {
            return SendOutcome.Refused(ChatErrors.NotFound, "no such room.", "roomId");
        }

        return SendOutcome.Refused(refusal.Code, refusal.Detail, "roomId", refusal.RetryAfter is { } wait ? (long)Math.Ceiling(wait.TotalMilliseconds) : null, refusal.Until);
    }

    /// <summary>
    /// In an encrypted room, why <paramref name="body"/> is not a storable envelope (<see cref="EnvelopeRules"/>);
    /// elsewhere, whether plaintext is too long.
    /// </summary>
    private async Task<SendOutcome?> UnsealedAsync(Guid authorId, string clientId, string body)
    {
        EnvelopeRefusal? refusal;
        if (_room!.Encrypted)
        {
            using var scope = scopes.CreateScope();
            refusal = await EnvelopeRules.CheckAsync(scope.ServiceProvider.GetRequiredService<LoomDb>(), _room, authorId, clientId, body, CancellationToken.None);
        }
        else
        {
            refusal = EnvelopeRules.Check(_room, clientId, body, _ => null);
        }

        return refusal is null ? null : new SendOutcome(refusal.Code, refusal.Detail, Guid.Empty, default, false, Field: "body", CurrentEpoch: refusal.CurrentEpoch);
    }

    /// <summary>The files a message carries, checked against this room's uploads (<see cref="MessageAttachments"/>), or why not.</summary>
    private async Task<(AttachmentView[]? Files, SendOutcome? Refusal)> AttachedAsync(Guid authorId, string clientId, AttachmentRef[] attachments)
    {
        using var scope = scopes.CreateScope();
        var (views, refusal) = await MessageAttachments.CheckAsync(scope.ServiceProvider.GetRequiredService<LoomDb>(), _room!, authorId, clientId, attachments, CancellationToken.None);
        return refusal is null
            ? (views, null)
            : (null, new SendOutcome(refusal.Code, refusal.Detail, Guid.Empty, default, false, Field: refusal.Field, CurrentEpoch: refusal.CurrentEpoch));
    }

    private async Task ReloadRoomAsync()
    {
        var roomId = this.GetPrimaryKey();
        using var scope = scopes.CreateScope();
        _room = await scope.ServiceProvider.GetRequiredService<LoomDb>().Set<ChatRoom>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId);
    }

    private async Task<ChatMember?> MemberAsync(Guid userId) => (await StandingAsync(userId)).Member;

    /// <summary>
    /// The user's membership and bans here, cached until <see cref="MemberChangedAsync"/> says they changed. A value
    /// task: every send asks, and almost every answer comes from the cache without a task to allocate.
    /// </summary>
    private async ValueTask<Standing> StandingAsync(Guid userId)
    {
        if (_members.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var roomId = this.GetPrimaryKey();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var member = await db.Set<ChatMember>().AsNoTracking().FirstOrDefaultAsync(m => m.RoomId == roomId && m.UserId == userId);
        var ban = await db.Set<ChatBan>().AsNoTracking().FirstOrDefaultAsync(b => b.RoomId == roomId && b.UserId == userId);
        var siteBan = await db.Set<ChatSiteBan>().AsNoTracking().FirstOrDefaultAsync(b => b.UserId == userId);
        var standing = new Standing(member, ban, siteBan);
        _members[userId] = standing;
        return standing;
    }

    private async Task<ChatMessage?> FirstAsync(Guid authorId, string clientId)
    {
        var roomId = this.GetPrimaryKey();
        using var scope = scopes.CreateScope();
        return await ClientKeys.Find(scope.ServiceProvider.GetRequiredService<LoomDb>(), roomId, authorId, clientId).AsNoTracking().FirstOrDefaultAsync();
    }

    private async Task<bool> InRoomAsync(Guid messageId)
    {
        var roomId = this.GetPrimaryKey();
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LoomDb>().Set<ChatMessage>().AnyAsync(m => m.Id == messageId && m.RoomId == roomId);
    }

    private NodeSubscriptions Node(IChatNodeObserver node)
    {
        if (!_nodes.TryGetValue(node, out var entry))
        {
            entry = new NodeSubscriptions();
            _nodes[node] = entry;
        }

        entry.RefreshedAt = clock.GetUtcNow();
        return entry;
    }

    private void Broadcast(RoomFrame frame)
    {
        var roomId = this.GetPrimaryKey();
        foreach (var node in _nodes.Keys)
        {
            _ = node.DeliverAsync(roomId, frame);
        }
    }

    private void Arrive(Guid userId)
    {
        var count = _online.GetValueOrDefault(userId);
        _online[userId] = count + 1;
        if (count == 0)
        {
            // The arriving user learns who is here from subscribed's online list; everyone else from this.
            Broadcast(new RoomFrame(ChatWire.Serialize(new PresenceEvent(this.GetPrimaryKey(), userId, Online: true)), ExceptUser: userId));
        }
    }

    private void Depart(Guid userId)
    {
        var count = _online.GetValueOrDefault(userId);
        if (count == 0)
        {
            return;
        }

        if (count == 1)
        {
            _online.Remove(userId);
            Broadcast(new RoomFrame(ChatWire.Serialize(new PresenceEvent(this.GetPrimaryKey(), userId, Online: false)), ExceptUser: userId));
        }
        else
        {
            _online[userId] = count - 1;
        }
    }

    private Task SweepNodes(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (node, entry) in _nodes.Where(n => now - n.Value.RefreshedAt > NodeLifetime).ToList())
        {
            _nodes.Remove(node);
            foreach (var userId in entry.Connections.Values)
            {
                Depart(userId);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>What decides whether a user may write here.</summary>
    private sealed record Standing(ChatMember? Member, ChatBan? Ban, ChatSiteBan? SiteBan);

    private sealed class NodeSubscriptions
    {
        public Dictionary<Guid, Guid> Connections { get; } = [];

        public DateTimeOffset RefreshedAt { get; set; }
    }
}
