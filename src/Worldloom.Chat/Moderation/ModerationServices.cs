using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;

namespace Worldloom.Chat.Moderation;

/// <summary>What every moderation handler needs, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Db">The database.</param>
/// <param name="Audit">The audit chain: every moderation state change goes into it.</param>
/// <param name="Relay">Tells connected clients and the room's writer what changed.</param>
/// <param name="Clock">The platform clock.</param>
/// <param name="User">The caller.</param>
/// <param name="Http">The request, for the client address the audit records.</param>
public sealed record ModerationServices(LoomDb Db, IAuditChain Audit, IChatRelay Relay, LoomClock Clock, ClaimsPrincipal User, HttpContext Http)
{
    /// <summary>Appends an entry acted by the caller, targeting the room, with the affected user (if any) in the details.</summary>
    public Task AuditAsync(Guid actorId, string action, Guid roomId, Guid? userId, IReadOnlyDictionary<string, string>? details, CancellationToken ct)
    {
        var all = new Dictionary<string, string>(details ?? new Dictionary<string, string>());
        if (userId is { } u)
        {
            all["user"] = u.ToString();
        }

        return Audit.AppendAsync(new AuditEvent(actorId.ToString(), Http.ClientIp(), action, $"chat-room:{roomId}", all), ct);
    }

    /// <summary>Tells the relay a membership changed and, with <paramref name="change"/>, publishes it to the room.</summary>
    public async Task MemberChangedAsync(Guid roomId, Guid userId, string? change, CancellationToken ct)
    {
        if (change is MemberChanges.Kicked or MemberChanges.Banned)
        {
            // They held the room key: an encrypted room must rotate before anyone writes under it again.
            await Encryption.RoomKeys.MemberRemovedAsync(Db, Relay, roomId, ct);
        }

        await Relay.MemberChangedAsync(roomId, userId, ct);
        if (change is not null)
        {
            await Relay.PublishAsync(roomId, new MemberEvent(roomId, userId, change), ct: ct);
        }
    }
}
