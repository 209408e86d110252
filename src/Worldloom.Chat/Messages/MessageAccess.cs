using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Messages;

/// <summary>Finds a message for a member of its room: 404 when the caller may not see the room, 403 when they have not joined it.</summary>
public static class MessageAccess
{
    /// <summary>The message (tracked when asked), its room and the caller's membership, or the problem to answer.</summary>
    public static async Task<(ChatMessage? Message, ChatRoom? Room, ChatMember? Member, IResult? Problem)> FindAsync(LoomDb db, Guid messageId, Guid userId, CancellationToken ct, bool track = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = track ? db.Set<ChatMessage>() : db.Set<ChatMessage>().AsNoTracking();
        var message = await messages.FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null || await RoomAccess.FindAsync(db, message.RoomId, userId, ct) is not var (room, member))
        {
            return (null, null, null, Problems.NotFound("message"));
        }

        return member is null ? (null, null, null, Problems.Forbidden("join the room first.")) : (message, room, member, null);
    }

    /// <summary>Reaction counts by emoji for each of <paramref name="ids"/> that has any.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyDictionary<string, int>>> ReactionsAsync(LoomDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = await db.Set<Reactions.ChatReaction>().AsNoTracking().Where(r => ids.Contains(r.MessageId))
            .GroupBy(r => new { r.MessageId, r.Emoji }).Select(g => new { g.Key.MessageId, g.Key.Emoji, Count = g.Count() }).ToListAsync(ct);
        return counts.GroupBy(c => c.MessageId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(c => c.Emoji, c => c.Count, StringComparer.Ordinal));
    }

    /// <summary>
    /// Checks a message body: present, not only whitespace, at most <paramref name="max"/> characters (4,000 unless
    /// given; the post and edit paths pass the envelope limit and leave the room-specific limit to
    /// <see cref="Encryption.EnvelopeRules"/>). Kept as written (not trimmed).
    /// </summary>
    public static string Body(Validation v, string? body, int max = ChatRules.MaxBodyLength)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrWhiteSpace(body))
        {
            v.Add("body", "is required and must not be only whitespace.");
            return "";
        }

        if (body.Length > max)
        {
            v.Add("body", $"must be at most {max} characters.");
        }

        return body;
    }
}
