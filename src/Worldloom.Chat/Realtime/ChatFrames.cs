using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Realtime;

/// <summary>
/// What each client frame does (<c>docs/chat-protocol.md</c>): checks it, charges it to the connection's and the user's
/// buckets, and answers every refusal with an <c>error</c> frame, never a silent drop.
/// </summary>
public sealed partial class ChatFrames(
    IGrainFactory grains, ChatNode node, IServiceScopeFactory scopes, AccessTokenIssuer tokens, UserBuckets users, IChatRelay relay,
    IOptions<ChatRealtimeOptions> options, LoomClock clock, ILogger<ChatFrames> logger) : IDisposable
{
    /// <summary>Close status for a missing, bad or expired token.</summary>
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;

    /// <summary>Most messages one backlog read takes from the database at a time.</summary>
    private const int BacklogPage = 500;

    private AuthDeadlines? _deadlines;

    /// <summary>A connection authenticated by its upgrade request's bearer token.</summary>
    public void Accepted(ChatConnection connection, Guid userId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.UserId = userId;
        connection.ExpiresAt = expiresAt;
        node.Add(connection);
        connection.Send(ChatWire.Serialize(new ReadyReply(null, userId, connection.Id, expiresAt)));
    }

    /// <summary>Closes <paramref name="connection"/> unless it sends <c>auth</c> within the auth timeout.</summary>
    public void ExpectAuth(ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        LazyInitializer.EnsureInitialized(ref _deadlines, () => new AuthDeadlines(clock, options.Value.AuthTimeout, AuthTimedOut)).Add(connection);
    }

    /// <inheritdoc />
    public void Dispose() => _deadlines?.Dispose();

    /// <summary>Closes a connection that sent no <c>auth</c> in time.</summary>
    public void AuthTimedOut(ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.UserId == Guid.Empty)
        {
            connection.Close(Error(ChatErrors.Unauthenticated, "no auth frame in time."), Unauthorized, ChatErrors.Unauthenticated);
        }
    }

    /// <summary>A frame over the size limit (already skipped).</summary>
    public Task TooLargeAsync(ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Charge(connection, null))
        {
            connection.Send(Error(ChatErrors.TooLarge, $"frames are limited to {options.Value.MaxFrameBytes} bytes; this one was skipped."));
        }

        return Task.CompletedTask;
    }

    /// <summary>Handles one frame; <paramref name="frame"/> is null when it was not JSON text.</summary>
    public async Task HandleAsync(ChatConnection connection, JsonElement? frame)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var reference = frame is { ValueKind: JsonValueKind.Object } f && f.TryGetProperty("ref", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (reference is { Length: > 64 })
        {
            reference = reference[..64];
        }

        if (!Charge(connection, reference) || Expired(connection))
        {
            return;
        }

        if (frame is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            connection.Send(Error(ChatErrors.BadFrame, "a frame is one JSON object (text) with a string \"type\".", reference));
            return;
        }

        // Every message is a "send": its type is matched in place, without a string per frame.
        var type = typeElement.ValueEquals("send"u8) ? "send" : typeElement.GetString();
        if (type == "auth")
        {
            await AuthAsync(connection, root, reference);
            return;
        }

        if (connection.UserId == Guid.Empty)
        {
            connection.Send(Error(ChatErrors.Unauthenticated, "send {\"type\":\"auth\",\"token\":\"…\"} first.", reference));
            return;
        }

        switch (type)
        {
            case "subscribe":
                await SubscribeAsync(connection, root, reference);
                break;
            case "unsubscribe":
                await UnsubscribeAsync(connection, root, reference);
                break;
            case "send":
                await SendAsync(connection, root, reference);
                break;
            case "typing":
                await TypingAsync(connection, root, reference);
                break;
            case "read":
                await ReadAsync(connection, root, reference);
                break;
            case "ping":
                connection.Send(ChatWire.Serialize(new PongReply(reference)));
                break;
            default:
                connection.Send(Error(ChatErrors.UnknownType, $"unknown frame type \"{Truncate(type)}\".", reference, "type"));
                break;
        }
    }

    /// <summary>Whether the connection's token expired; if so it is told and closed.</summary>
    public bool Expired(ChatConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.UserId == Guid.Empty || clock.GetUtcNow() < connection.ExpiresAt)
        {
            return false;
        }

        connection.Close(Error(ChatErrors.TokenExpired, "the access token expired; reconnect with a fresh one and resume."), Unauthorized, ChatErrors.TokenExpired);
        return true;
    }

    /// <summary>The connection closed: leave its rooms.</summary>
    public Task ClosedAsync(ChatConnection connection) => node.RemoveAsync(connection);

    private async Task AuthAsync(ChatConnection connection, JsonElement root, string? reference)
    {
        if (!root.TryGetProperty("token", out var tokenElement) || tokenElement.ValueKind != JsonValueKind.String || tokenElement.GetString() is not { Length: > 0 and < 8192 } token)
        {
            connection.Send(Error(ChatErrors.Invalid, "token is required: an access token.", reference, "token"));
            return;
        }

        var result = await tokens.ValidateAsync(token);
        if (!result.IsValid || !Guid.TryParse(result.ClaimsIdentity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId))
        {
            connection.Close(Error(ChatErrors.Unauthenticated, "the access token is invalid or expired.", reference), Unauthorized, ChatErrors.Unauthenticated);
            return;
        }

        if (connection.UserId != Guid.Empty && connection.UserId != userId)
        {
            connection.Send(Error(ChatErrors.Invalid, "this connection belongs to another user; open a new one.", reference, "token"));
            return;
        }

        var first = connection.UserId == Guid.Empty;
        connection.UserId = userId;
        connection.ExpiresAt = result.SecurityToken.ValidTo == DateTime.MinValue ? clock.GetUtcNow() : new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        if (first)
        {
            node.Add(connection);
        }

        connection.Send(ChatWire.Serialize(new ReadyReply(reference, userId, connection.Id, connection.ExpiresAt)));
    }

    private async Task SubscribeAsync(ChatConnection connection, JsonElement root, string? reference)
    {
        if (RoomId(connection, root, reference) is not { } roomId || !OptionalId(connection, root, "after", reference, out var after))
        {
            return;
        }

        if (!connection.BeginSubscription(roomId))
        {
            connection.Send(Error(ChatErrors.Invalid, "already subscribed to this room; unsubscribe first to resume from another point.", reference, "roomId"));
            return;
        }

        // Listen before the room knows us: everything it broadcasts from here on is buffered, none of it lost.
        node.Listen(roomId, connection);
        SubscribeOutcome outcome;
        try
        {
            outcome = await grains.GetGrain<IChatRoomGrain>(roomId).SubscribeAsync(node.Reference, connection.Id, connection.UserId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, "subscribe");
            await node.LeaveAsync(roomId, connection);
            connection.EndSubscription(roomId);
            connection.Send(Error(ChatErrors.Internal, "subscribing failed; try again.", reference));
            return;
        }

        if (outcome.Error is { } error)
        {
            await node.LeaveAsync(roomId, connection);
            connection.EndSubscription(roomId);
            connection.Send(Error(error, error == ChatErrors.NotMember ? "join the room first." : "no such room.", reference, "roomId"));
            return;
        }

        var last = after;
        if (after is { } cursor)
        {
            last = await SendBacklogAsync(connection, roomId, cursor);
        }

        connection.GoLive(roomId, last, ChatWire.Serialize(new SubscribedReply(reference, roomId, last, outcome.Online)));
    }

    /// <summary>Every message after <paramref name="after"/>, oldest first; returns the last one sent.</summary>
    private async Task<Guid> SendBacklogAsync(ChatConnection connection, Guid roomId, Guid after)
    {
        var last = after;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
            var cursor = last;
            var page = await db.Set<ChatMessage>().AsNoTracking().Where(m => m.RoomId == roomId && m.Id.CompareTo(cursor) > 0)
                .OrderBy(m => m.Id).Take(BacklogPage).ToListAsync(connection.Stopping);
            var reactions = await MessageAccess.ReactionsAsync(db, page.Select(m => m.Id).ToList(), connection.Stopping);
            foreach (var message in page)
            {
                await connection.SendWaitingAsync(ChatWire.Serialize(new MessageEvent(MessageView.From(message, reactions.GetValueOrDefault(message.Id)))));
                last = message.Id;
            }

            if (page.Count < BacklogPage)
            {
                return last;
            }
        }
    }

    private async Task UnsubscribeAsync(ChatConnection connection, JsonElement root, string? reference)
    {
        if (RoomId(connection, root, reference) is not { } roomId)
        {
            return;
        }

        if (!connection.EndSubscription(roomId))
        {
            connection.Send(Error(ChatErrors.Invalid, "not subscribed to this room.", reference, "roomId"));
            return;
        }

        await node.LeaveAsync(roomId, connection);
        connection.Send(ChatWire.Serialize(new UnsubscribedReply(reference, roomId)));
    }

    private async Task SendAsync(ChatConnection connection, JsonElement root, string? reference)
    {
        if (RoomId(connection, root, reference) is not { } roomId || !OptionalId(connection, root, "replyTo", reference, out var replyTo))
        {
            return;
        }

        var clientId = root.TryGetProperty("clientId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (clientId is null || !ChatRules.ClientIdPattern().IsMatch(clientId))
        {
            connection.Send(Error(ChatErrors.Invalid, "clientId is required: 1–64 characters of A-Z, a-z, 0-9, '_' and '-'.", reference, "clientId"));
            return;
        }

        var v = new Platform.Problems.Validation();
        // Up to an envelope's length here; the room's writer holds plaintext to the shorter limit.
        var body = MessageAccess.Body(v, root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null, ChatRules.MaxStoredBodyLength);
        if (v.Failed)
        {
            connection.Send(Error(ChatErrors.Invalid, "body " + v.FirstError("body"), reference, "body", clientId));
            return;
        }

        var attachments = MessageAttachments.Read(v, root);
        if (v.Failed)
        {
            var (field, message) = v.First();
            connection.Send(Error(ChatErrors.Invalid, $"{field} {message}", reference, field, clientId));
            return;
        }

        // The read loop goes on while the room stores this, so a client may pipeline sends; at most 256 wait at once.
        await connection.InFlight.WaitAsync(connection.Stopping);
        _ = CompleteSendAsync(connection, roomId, clientId, body, replyTo, attachments, reference);
    }

    private async Task CompleteSendAsync(ChatConnection connection, Guid roomId, string clientId, string body, Guid? replyTo, AttachmentRef[]? attachments, string? reference)
    {
        try
        {
            var outcome = await RoomGrain(connection, roomId).SendAsync(connection.UserId, clientId, body, replyTo, attachments);
            connection.Send(outcome.Error is { } error
                ? Error(error, outcome.Detail ?? error, reference, outcome.Field, clientId, outcome.RetryAfterMs)
                : ChatWire.Serialize(new AckReply(reference, roomId, clientId, outcome.MessageId, outcome.CreatedAt, outcome.Duplicate)));
        }
        catch (Exception e)
        {
            LogFailed(logger, e, "send");
            connection.Send(Error(ChatErrors.Internal, "the message was not stored; send it again with the same clientId.", reference, null, clientId));
        }
        finally
        {
            connection.InFlight.Release();
        }
    }

    /// <summary>
    /// The room's grain; the connection keeps the last one it sent to, since making a grain reference (a few lookups
    /// and allocations) showed in the send path's profile and a client mostly sends to one room.
    /// </summary>
    private IChatRoomGrain RoomGrain(ChatConnection connection, Guid roomId)
    {
        if (connection.LastRoom is { } last && last.RoomId == roomId)
        {
            return last.Grain;
        }

        var grain = grains.GetGrain<IChatRoomGrain>(roomId);
        connection.LastRoom = new RoomGrainRef(roomId, grain);
        return grain;
    }

    private async Task TypingAsync(ChatConnection connection, JsonElement root, string? reference)
    {
        if (RoomId(connection, root, reference) is not { } roomId)
        {
            return;
        }

        if (await grains.GetGrain<IChatRoomGrain>(roomId).TypingAsync(connection.UserId) is { } error)
        {
            connection.Send(Error(error, error == ChatErrors.NotMember ? "join the room first." : "no such room.", reference, "roomId"));
        }
    }

    private async Task ReadAsync(ChatConnection connection, JsonElement root, string? reference)
    {
        if (RoomId(connection, root, reference) is not { } roomId || !OptionalId(connection, root, "messageId", reference, out var messageId))
        {
            return;
        }

        if (messageId is null)
        {
            connection.Send(Error(ChatErrors.Invalid, "messageId is required.", reference, "messageId"));
            return;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LoomDb>();
        var moved = await ReadMarkers.MoveAsync(db, roomId, connection.UserId, messageId.Value, connection.Stopping);
        if (moved.Error is { } error)
        {
            connection.Send(Error(error, moved.Detail!, reference, error == ChatErrors.Invalid ? "messageId" : "roomId"));
            return;
        }

        await relay.PublishAsync(roomId, new ReadEvent(roomId, moved.Marker, moved.Unread), connection.UserId, connection.Stopping);
    }

    /// <summary>Charges a frame to the connection's and the user's buckets; false (and told) when refused. A flood closes the socket.</summary>
    private bool Charge(ChatConnection connection, string? reference)
    {
        var limits = options.Value.RateLimits;
        var now = clock.GetUtcNow();
        connection.Bucket ??= new TokenBucket(limits.ConnectionBurst, limits.ConnectionPerSecond, now);
        if (connection.Bucket.TryTake(now, out var wait) && (connection.UserId == Guid.Empty || users.TryTake(connection.UserId, out wait)))
        {
            return true;
        }

        var (since, count) = connection.Refusals;
        connection.Refusals = now - since > limits.FloodWindow || now < since ? (now, 1) : (since, count + 1);
        if (connection.Refusals.Count >= limits.FloodRefusals)
        {
            connection.Close(Error(ChatErrors.RateLimited, "flooding: too many frames over the limit; the connection is closed.", reference), WebSocketCloseStatus.PolicyViolation, ChatErrors.RateLimited);
            return false;
        }

        connection.Send(Error(ChatErrors.RateLimited, "too many frames; slow down.", reference, null, null, (long)Math.Ceiling(wait.TotalMilliseconds)));
        return false;
    }

    private static Guid? RoomId(ChatConnection connection, JsonElement root, string? reference)
    {
        if (!OptionalId(connection, root, "roomId", reference, out var roomId))
        {
            return null;
        }

        if (roomId is null)
        {
            connection.Send(Error(ChatErrors.Invalid, "roomId is required.", reference, "roomId"));
        }

        return roomId;
    }

    private static bool OptionalId(ChatConnection connection, JsonElement root, string name, string? reference, out Guid? id)
    {
        id = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        // The usual form read in place; any other form Guid.TryParse takes goes through a string.
        if (element.ValueKind == JsonValueKind.String && (element.TryGetGuid(out var parsed) || Guid.TryParse(element.GetString(), out parsed)))
        {
            id = parsed;
            return true;
        }

        connection.Send(Error(ChatErrors.Invalid, $"{name} must be an id (a GUID string).", reference, name));
        return false;
    }

    private static byte[] Error(string code, string detail, string? reference = null, string? field = null, string? clientId = null, long? retryAfterMs = null) =>
        ChatWire.Serialize(new ErrorReply(code, detail, reference, field, retryAfterMs, clientId));

    private static string Truncate(string? text) => text is { Length: > 32 } ? text[..32] + "…" : text ?? "";

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat {Operation} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, string operation);
}
