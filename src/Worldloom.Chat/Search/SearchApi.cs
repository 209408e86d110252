using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Messages;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Search;

/// <summary>
/// <c>GET /api/chat/search</c>: ranked full-text search over the messages of the caller's rooms, with highlighted
/// excerpts. Not audited: it changes nothing.
/// </summary>
public static class SearchApi
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 50;

    /// <summary>The page when none is asked for.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The deepest offset: paging past a thousand ranked results is a query to refine, and each page re-ranks every match.</summary>
    public const int MaxOffset = 1000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/chat/search").WithTags("Chat").RequireAuthorization().MapGet("/", SearchAsync);
        return routes;
    }

    /// <summary>
    /// Messages matching <paramref name="q"/> in the rooms the caller is a member of, best first; optionally only in
    /// <paramref name="room"/>, by <paramref name="author"/>, or older than the message <paramref name="before"/>.
    /// Deleted messages are never found; an edited one is found by its current text only.
    /// </summary>
    public static async Task<IResult> SearchAsync(
        ClaimsPrincipal user, LoomDb db, CancellationToken ct,
        string? q = null, Guid? room = null, Guid? author = null, Guid? before = null, int? limit = null, int? offset = null)
    {
        var v = new Validation();
        var query = SearchQuery.Parse(q, v);
        if (limit is < 1 or > MaxLimit)
        {
            v.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        if (offset is < 0 or > MaxOffset)
        {
            v.Add("offset", $"must be between 0 and {MaxOffset}.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        var rooms = SearchScope.SearchableRooms(db, userId);
        if (room is { } roomId)
        {
            if (await RoomAccess.FindAsync(db, roomId, userId, ct) is not var (_, member))
            {
                return Problems.NotFound("room");
            }

            if (member is null)
            {
                return Problems.Forbidden("join the room first.");
            }

            rooms = rooms.Where(r => r == roomId);
        }

        var search = MessageSearch.For(db);
        var hits = search.Hits(db, query!).Where(h => rooms.Contains(h.RoomId));
        if (author is { } authorId)
        {
            hits = hits.Where(h => h.AuthorId == authorId);
        }

        if (before is { } b)
        {
            hits = hits.Where(h => h.MessageId.CompareTo(b) < 0);
        }

        var total = await hits.CountAsync(ct);
        var page = total == 0
            ? []
            : await hits.OrderByDescending(h => h.Rank).ThenByDescending(h => h.MessageId)
                .Skip(offset ?? 0).Take(limit ?? DefaultLimit).ToListAsync(ct);
        return TypedResults.Ok(new SearchPage(await ResultsAsync(db, search, query!, page, ct), total));
    }

    private static async Task<List<SearchResult>> ResultsAsync(LoomDb db, MessageSearch search, SearchQuery query, List<SearchHit> page, CancellationToken ct)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(h => h.MessageId).ToList();
        var messages = await db.Set<ChatMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var excerpts = await search.Excerpts(db, query, ids).ToDictionaryAsync(e => e.MessageId, e => e.Text, ct);
        var reactions = await MessageAccess.ReactionsAsync(db, ids, ct);
        var results = new List<SearchResult>(page.Count);
        foreach (var hit in page)
        {
            // Deleted or edited away between the two reads: a result that no longer matches is left out.
            if (!messages.TryGetValue(hit.MessageId, out var message) || message.DeletedAt is not null
                || excerpts.GetValueOrDefault(hit.MessageId) is not { } excerpt)
            {
                continue;
            }

            results.Add(new SearchResult(MessageView.From(message, reactions.GetValueOrDefault(message.Id)), hit.Rank, Highlight.Segments(excerpt, message.Body)));
        }

        return results;
    }
}
