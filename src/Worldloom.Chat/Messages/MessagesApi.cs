using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Reactions;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Messages;

/// <summary>
/// Posting (idempotent by client id), paging, editing with history, and deleting messages. Ordinary posts and edits are
/// not audited: at chat rates they would flood the audit chain; a moderator deleting someone else's message is.
/// </summary>
public static class MessagesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var rooms = routes.MapGroup("/api/chat/rooms/{id:guid}/messages").WithTags("Chat").RequireAuthorization();
        rooms.MapPost("/", PostAsync);
        rooms.MapGet("/", ListAsync);
        var messages = routes.MapGroup("/api/chat/messages/{id:guid}").WithTags("Chat").RequireAuthorization();
        messages.MapGet("/", GetAsync);
        messages.MapPatch("/", EditAsync);
        messages.MapDelete("/", DeleteAsync);
        messages.MapGet("/history", HistoryAsync);
        return routes;
    }

    /// <summary>
    /// Posts a message: 201 with it. The same client id from the same author in the same room answers 200 with the
    /// message first stored, whatever the body says, so a client may resend until it sees an answer.
    /// </summary>
    public static async Task<IResult> PostAsync(Guid id, MessagePost body, ClaimsPrincipal user, LoomDb db, IGrainFactory grains, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var text = MessageAccess.Body(v, body.Body, ChatRules.MaxStoredBodyLength);
        if (body.ClientId is null || !ChatRules.ClientIdPattern().IsMatch(body.ClientId))
        {
            v.Add("clientId", "is required: 1–64 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }

        var attachments = MessageAttachments.Read(v, body.Attachments);
        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        // The room's grain is its one writer, for REST as for the WebSocket: it orders, stores and broadcasts.
        var outcome = await grains.GetGrain<IChatRoomGrain>(id).SendAsync(userId, body.ClientId!, text, body.ReplyTo, attachments);
        return outcome.Error switch
        {
            null when outcome.Duplicate => await FindByClientIdAsync(db, id, userId, body.ClientId!, ct) is { } first
                ? TypedResults.Ok(first)
                : Problems.NotFound("message"),
            null => TypedResults.Created(
                $"/api/chat/messages/{outcome.MessageId}",
                MessageView.From(new ChatMessage { Id = outcome.MessageId, RoomId = id, AuthorId = userId, ClientId = body.ClientId!, Body = text, ReplyToId = body.ReplyTo, CreatedAt = outcome.CreatedAt,
                    Attachments = MessageAttachments.ToJson(outcome.Attachments),
                })),
            _ => SendProblems.From(outcome),
        };
    }

    private static async Task<MessageView?> FindByClientIdAsync(LoomDb db, Guid roomId, Guid userId, string clientId, CancellationToken ct)
    {
        var message = await ClientKeys.Find(db, roomId, userId, clientId).AsNoTracking().FirstOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }

        var reactions = await MessageAccess.ReactionsAsync(db, [message.Id], ct);
        return MessageView.From(message, reactions.GetValueOrDefault(message.Id));
    }

    /// <summary>
    /// A page of messages. With <c>after</c>: the messages after that id, oldest first (catching up). Otherwise: the
    /// newest messages, or those before <c>before</c>, newest first (scrolling back). <c>limit</c> 1–200, default 50.
    /// Tombstones are included (body null, deleted true) so threads keep their shape.
    /// </summary>
    public static async Task<IResult> ListAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct, Guid? before = null, Guid? after = null, int? limit = null)
    {
        var v = new Validation();
        if (limit is < 1 or > ChatRules.MaxPage)
        {
            v.Add("limit", $"must be between 1 and {ChatRules.MaxPage}.");
        }

        if (before is not null && after is not null)
        {
            v.Add("after", "give before or after, not both.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        if (await RoomAccess.FindAsync(db, id, user.UserId(), ct) is not var (_, member))
        {
            return Problems.NotFound("room");
        }

        if (member is null)
        {
            return Problems.Forbidden("join the room first.");
        }

        var take = limit ?? ChatRules.DefaultPage;
        var query = db.Set<ChatMessage>().AsNoTracking().Where(m => m.RoomId == id);
        List<ChatMessage> page;
        if (after is { } a)
        {
            page = await query.Where(m => m.Id.CompareTo(a) > 0).OrderBy(m => m.Id).Take(take).ToListAsync(ct);
        }
        else
        {
            if (before is { } b)
            {
                query = query.Where(m => m.Id.CompareTo(b) < 0);
            }

            page = await query.OrderByDescending(m => m.Id).Take(take).ToListAsync(ct);
        }

        var reactions = await MessageAccess.ReactionsAsync(db, page.Select(m => m.Id).ToList(), ct);
        return TypedResults.Ok(page.Select(m => MessageView.From(m, reactions.GetValueOrDefault(m.Id))).ToList());
    }

    /// <summary>Edits the caller's own message; the previous body becomes a revision. 200 with the message, shown as edited.</summary>
    public static async Task<IResult> EditAsync(Guid id, MessageEdit body, ClaimsPrincipal user, LoomDb db, MessageIds ids, LoomClock clock, IChatRelay relay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var text = MessageAccess.Body(v, body.Body, ChatRules.MaxStoredBodyLength);
        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        var (message, room, member, problem) = await MessageAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (message!.AuthorId != userId)
        {
            return Problems.Forbidden("only the author can edit a message.");
        }

        if (message.DeletedAt is not null)
        {
            return Problems.Conflict("id", "the message was deleted.");
        }

        if (await SendPolicy.CheckAsync(db, member, message.RoomId, userId, clock.GetUtcNow(), ct) is { } refused)
        {
            return refused.ToProblem();
        }

        // An edit in an encrypted room is a new envelope under the message's own client id and the current epoch.
        if (await EnvelopeRules.CheckAsync(db, room!, userId, message.ClientId, text, ct) is { } unsealed)
        {
            return unsealed.ToProblem();
        }

        if (message.Body != text)
        {
            var now = clock.GetUtcNow();
            var previous = message.Body;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Compare-and-set on the body read above: an edit racing another edit or a delete changes nothing and says so,
            // so no revision is lost and a tombstone never gets a body back.
            var changed = await db.Set<ChatMessage>().Where(m => m.Id == id && m.DeletedAt == null && m.Body == previous)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, text).SetProperty(m => m.EditedAt, (DateTimeOffset?)now), ct);
            if (changed == 0)
            {
                return Problems.Conflict("id", "the message was edited or deleted at the same moment; reload it and edit again.");
            }

            db.Set<ChatMessageRevision>().Add(new ChatMessageRevision { Id = ids.Next(now), MessageId = message.Id, Body = previous, RevisedAt = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            message.Body = text;
            message.EditedAt = now;
            var edited = MessageView.From(message, (await MessageAccess.ReactionsAsync(db, [message.Id], ct)).GetValueOrDefault(message.Id));
            await relay.PublishAsync(message.RoomId, new EditedEvent(edited), ct: ct);
            return TypedResults.Ok(edited);
        }

        var reactions = await MessageAccess.ReactionsAsync(db, [message.Id], ct);
        return TypedResults.Ok(MessageView.From(message, reactions.GetValueOrDefault(message.Id)));
    }

    /// <summary>
    /// Deletes a message (its author, or an owner or moderator of the room): the row stays as a tombstone with the body,
    /// earlier revisions and reactions removed. 204, also when it was already deleted.
    /// </summary>
    public static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, IChatRelay relay, HttpContext http, CancellationToken ct)
    {
        var userId = user.UserId();
        var (message, _, member, problem) = await MessageAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var byModerator = message!.AuthorId != userId;
        if (byModerator && !ChatRoomRoles.Moderates(member!.Role))
        {
            return Problems.Forbidden("only the author or a room owner or moderator can delete a message.");
        }

        if (message.DeletedAt is not null)
        {
            return TypedResults.NoContent();
        }

        await TombstoneAsync(db, id, clock.GetUtcNow(), ct);

        await relay.PublishAsync(message.RoomId, new DeletedEvent(message.RoomId, message.Id), ct: ct);
        if (byModerator)
        {
            await audit.AppendAsync(new AuditEvent(
                userId.ToString(), http.ClientIp(), "chat.message.delete", $"chat-message:{message.Id}",
                new Dictionary<string, string> { ["room"] = message.RoomId.ToString(), ["author"] = message.AuthorId.ToString() }), ct);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// Makes a message a tombstone: clears its body and removes its earlier revisions and reactions, in one transaction so
    /// they go together or not at all. False when it was already deleted. Shared with resolving a report by deletion.
    /// </summary>
    internal static async Task<bool> TombstoneAsync(LoomDb db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<ChatMessage>().Where(m => m.Id == id && m.DeletedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, "").SetProperty(m => m.DeletedAt, (DateTimeOffset?)now), ct);
        await db.Set<ChatMessageRevision>().Where(r => r.MessageId == id).ExecuteDeleteAsync(ct);
        await db.Set<ChatReaction>().Where(r => r.MessageId == id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return changed > 0;
    }

    /// <summary>
    /// One message by id, for a link to it (<c>/chat/{room}?message={id}</c>): members of its room only, as the history
    /// is (404 where the room is not visible to the caller, 403 where it could be joined).
    /// </summary>
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var (message, _, _, problem) = await MessageAccess.FindAsync(db, id, user.UserId(), ct);
        if (problem is not null)
        {
            return problem;
        }

        var reactions = await MessageAccess.ReactionsAsync(db, [message!.Id], ct);
        return TypedResults.Ok(MessageView.From(message, reactions.GetValueOrDefault(message.Id)));
    }

    /// <summary>The earlier bodies of a message, oldest first (empty when never edited, or deleted).</summary>
    public static async Task<IResult> HistoryAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var (message, _, _, problem) = await MessageAccess.FindAsync(db, id, user.UserId(), ct);
        if (problem is not null)
        {
            return problem;
        }

        var revisions = await db.Set<ChatMessageRevision>().AsNoTracking().Where(r => r.MessageId == message!.Id)
            .OrderBy(r => r.RevisedAt).ThenBy(r => r.Id).Select(r => new RevisionView(r.Body, r.RevisedAt)).ToListAsync(ct);
        return TypedResults.Ok(revisions);
    }
}
