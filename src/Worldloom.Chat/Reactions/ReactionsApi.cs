using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Moderation;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Reactions;

/// <summary>Adding and removing reactions. Adding is idempotent (201 the first time, 200 after), removing too (204).</summary>
public static class ReactionsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapReactionsApi(this IEndpointRouteBuilder routes)
    {
        var reactions = routes.MapGroup("/api/chat/messages/{id:guid}/reactions").WithTags("Chat").RequireAuthorization();
        reactions.MapPost("/", AddAsync);
        reactions.MapDelete("/{emoji}", RemoveAsync);
        return routes;
    }

    /// <summary>Adds the caller's reaction: 201 with the message's counts, or 200 when it was already there.</summary>
    public static async Task<IResult> AddAsync(Guid id, ReactionAdd body, ClaimsPrincipal user, LoomDb db, LoomClock clock, IChatRelay relay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!ChatRules.IsEmoji(body.Emoji))
        {
            return Problems.Field("emoji", $"must be 1–{ChatRules.MaxEmojiLength} characters without whitespace or control characters.");
        }

        var userId = user.UserId();
        var (message, _, member, problem) = await MessageAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (message!.DeletedAt is not null)
        {
            return Problems.Conflict("id", "the message was deleted.");
        }

        if (await SendPolicy.CheckAsync(db, member, message.RoomId, userId, clock.GetUtcNow(), ct) is { } refused)
        {
            return refused.ToProblem();
        }

        var created = false;
        if (!await db.Set<ChatReaction>().AnyAsync(r => r.MessageId == id && r.UserId == userId && r.Emoji == body.Emoji, ct))
        {
            db.Set<ChatReaction>().Add(new ChatReaction { MessageId = id, UserId = userId, Emoji = body.Emoji!, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                created = true;
            }
            catch (DbUpdateException)
            {
                // The (message, user, emoji) key: the same reaction arrived twice at once; one row is the outcome either way.
                db.ChangeTracker.Clear();
            }
        }

        var counts = (await MessageAccess.ReactionsAsync(db, [id], ct)).GetValueOrDefault(id) ?? new Dictionary<string, int>();
        if (created)
        {
            await relay.PublishAsync(message.RoomId, new ReactionEvent(message.RoomId, id, counts), ct: ct);
        }

        return created ? TypedResults.Created($"/api/chat/messages/{id}", MessageView.From(message, counts)) : TypedResults.Ok(MessageView.From(message, counts));
    }

    /// <summary>Removes the caller's reaction. 204, also when there was none.</summary>
    public static async Task<IResult> RemoveAsync(Guid id, string emoji, ClaimsPrincipal user, LoomDb db, IChatRelay relay, CancellationToken ct)
    {
        if (!ChatRules.IsEmoji(emoji))
        {
            return Problems.Field("emoji", $"must be 1–{ChatRules.MaxEmojiLength} characters without whitespace or control characters.");
        }

        var userId = user.UserId();
        var (message, _, _, problem) = await MessageAccess.FindAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (await db.Set<ChatReaction>().Where(r => r.MessageId == id && r.UserId == userId && r.Emoji == emoji).ExecuteDeleteAsync(ct) > 0)
        {
            var counts = (await MessageAccess.ReactionsAsync(db, [id], ct)).GetValueOrDefault(id) ?? new Dictionary<string, int>();
            await relay.PublishAsync(message!.RoomId, new ReactionEvent(message.RoomId, id, counts), ct: ct);
        }

        return TypedResults.NoContent();
    }
}
