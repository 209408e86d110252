using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Encryption;

/// <summary>
/// <c>/api/chat/rooms/{id}/keys</c>: an encrypted room's keys, made and wrapped by clients, stored and handed out by the
/// server, which cannot open them. A new epoch must cover every device of every current member; a device that comes
/// later gets the current epoch through <c>keys/missing</c> and <c>keys/{epoch}/wraps</c>.
/// </summary>
public static class RoomKeysApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapRoomKeysApi(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/api/chat/rooms/{id:guid}/keys").WithTags("Chat").RequireAuthorization();
        keys.MapPost("/", UploadAsync);
        keys.MapGet("/", MineAsync);
        keys.MapGet("/missing", MissingAsync);
        keys.MapPost("/{epoch:int}/wraps", AddWrapsAsync);
        routes.MapGet("/api/chat/rooms/{id:guid}/devices", DevicesAsync).WithTags("Chat").RequireAuthorization();
        return routes;
    }

    /// <summary>
    /// Starts the next epoch: 200 with the room. 409 when the epoch is not current + 1 (someone else rotated first: fetch
    /// and use theirs), or when devices are missing (<c>missingDevices</c> lists them). Audited.
    /// </summary>
    public static async Task<IResult> UploadAsync(
        Guid id, RoomKeyUpload body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, IChatRelay relay, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var userId = user.UserId();
        var (room, member, problem) = await EncryptedRoomAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var v = new Validation();
        if (body.Epoch is not { } epoch || epoch < 1)
        {
            v.Add("epoch", "is required: the room's current epoch + 1.");
            return v.Problem();
        }

        if (epoch != room!.KeyEpoch + 1)
        {
            return EpochConflict(room.KeyEpoch);
        }

        var wraps = await CheckWrapsAsync(v, db, room, epoch, userId, body.Wraps, ownDevicesOnly: false, ct);
        if (v.Failed || wraps is null)
        {
            return v.Problem();
        }

        var covered = wraps.Select(w => w.DeviceId).ToHashSet();
        var missing = (await RoomKeys.MemberDevicesAsync(db, id, ct)).Select(d => d.Id).Where(d => !covered.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"wraps: {missing.Count} member devices have no wrap of the new key.",
                extensions: new Dictionary<string, object?> { ["missingDevices"] = missing, ["errors"] = new Dictionary<string, string[]> { ["wraps"] = ["devices are missing."] } });
        }

        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Compare-and-set on the epoch: of two members rotating at once, one wins and the other is told to use its key.
            var moved = await db.Set<ChatRoom>().Where(r => r.Id == id && r.KeyEpoch == epoch - 1)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.KeyEpoch, epoch).SetProperty(r => r.KeyRotationNeeded, false), ct);
            if (moved == 0)
            {
                return EpochConflict(await db.Set<ChatRoom>().Where(r => r.Id == id).Select(r => r.KeyEpoch).FirstAsync(ct));
            }

            db.Set<ChatRoomKey>().AddRange(wraps.Select(w => w with { CreatedAt = now }).Select(w => w.ToRow(id, epoch)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await relay.PublishAsync(id, new RoomEvent(id, epoch), ct: ct);
        await audit.AppendAsync(new AuditEvent(
            userId.ToString(), http.ClientIp(), "chat.room.key", $"chat-room:{id}",
            new Dictionary<string, string> { ["epoch"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), ["devices"] = wraps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }), ct);
        room.KeyEpoch = epoch;
        room.KeyRotationNeeded = false;
        return TypedResults.Ok(RoomView.From(room, member));
    }

    /// <summary>Every wrap of the room for one of the caller's devices, oldest epoch first.</summary>
    public static async Task<IResult> MineAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct, Guid? deviceId = null)
    {
        var userId = user.UserId();
        var (_, _, problem) = await EncryptedRoomAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (deviceId is not { } device || !await db.Set<ChatDevice>().AnyAsync(d => d.Id == device && d.UserId == userId && d.RevokedAt == null, ct))
        {
            return Problems.Field("deviceId", "is required: one of your devices, not revoked.");
        }

        var keys = await (from k in db.Set<ChatRoomKey>().AsNoTracking()
                          join s in db.Set<ChatDevice>().AsNoTracking() on k.SenderDeviceId equals s.Id
                          where k.RoomId == id && k.DeviceId == device
                          orderby k.Epoch
                          select new { k.Epoch, k.DeviceId, k.SenderDeviceId, s.UserId, k.Wrapped }).ToListAsync(ct);
        return TypedResults.Ok(keys.Select(k => new RoomKeyView(k.Epoch, k.DeviceId, k.SenderDeviceId, k.UserId, Convert.ToBase64String(k.Wrapped))).ToList());
    }

    /// <summary>The devices, not revoked, of the room's current members: whom a new epoch's wraps must cover.</summary>
    public static async Task<IResult> DevicesAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var (_, _, problem) = await EncryptedRoomAsync(db, id, user.UserId(), ct);
        return problem ?? TypedResults.Ok((await RoomKeys.MemberDevicesAsync(db, id, ct)).Select(DeviceView.From).ToList());
    }

    /// <summary>The current members' devices that have no wrap of the current epoch: what a member's client should wrap next.</summary>
    public static async Task<IResult> MissingAsync(Guid id, ClaimsPrincipal user, LoomDb db, CancellationToken ct)
    {
        var (room, _, problem) = await EncryptedRoomAsync(db, id, user.UserId(), ct);
        if (problem is not null)
        {
            return problem;
        }

        var devices = await RoomKeys.MemberDevicesAsync(db, id, ct);
        var wrapped = await db.Set<ChatRoomKey>().AsNoTracking().Where(k => k.RoomId == id && k.Epoch == room!.KeyEpoch).Select(k => k.DeviceId).ToListAsync(ct);
        var have = wrapped.ToHashSet();
        return TypedResults.Ok(new MissingKeysView(room!.KeyEpoch, room.KeyRotationNeeded, devices.Where(d => !have.Contains(d.Id)).Select(DeviceView.From).ToList()));
    }

    /// <summary>
    /// Adds wraps to an existing epoch: 200 with how many were added (wraps a device already has are skipped, keeping the
    /// first). For the current epoch, any current member's device; for an older one, only the caller's own devices, so
    /// a member's new device can read their history but a newcomer gets no history from before they could have.
    /// </summary>
    public static async Task<IResult> AddWrapsAsync(Guid id, int epoch, RoomKeyUpload body, ClaimsPrincipal user, LoomDb db, LoomClock clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var userId = user.UserId();
        var (room, _, problem) = await EncryptedRoomAsync(db, id, userId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (epoch < 1 || epoch > room!.KeyEpoch)
        {
            return Problems.Field("epoch", $"no epoch {epoch} in this room; it is at {room!.KeyEpoch}.");
        }

        var v = new Validation();
        var wraps = await CheckWrapsAsync(v, db, room, epoch, userId, body.Wraps, ownDevicesOnly: epoch < room.KeyEpoch, ct);
        if (v.Failed || wraps is null)
        {
            return v.Problem();
        }

        var ids = wraps.Select(w => w.DeviceId).ToList();
        var existing = (await db.Set<ChatRoomKey>().AsNoTracking().Where(k => k.RoomId == id && k.Epoch == epoch && ids.Contains(k.DeviceId)).Select(k => k.DeviceId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = wraps.Where(w => !existing.Contains(w.DeviceId)).Select(w => (w with { CreatedAt = now }).ToRow(id, epoch)).ToList();
        db.Set<ChatRoomKey>().AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another member wrapped for the same device at the same moment; nothing was added, and asking again skips theirs.
            return Problems.Conflict("wraps", "another member added some of these wraps at the same moment; send them again.");
        }

        return TypedResults.Ok(new { added = added.Count });
    }

    /// <summary>The room, the caller's membership, or the problem: 404 unseen, 403 not a member, 409 not encrypted.</summary>
    private static async Task<(ChatRoom? Room, ChatMember? Member, IResult? Problem)> EncryptedRoomAsync(LoomDb db, Guid id, Guid userId, CancellationToken ct)
    {
        if (await RoomAccess.FindAsync(db, id, userId, ct) is not var (room, member))
        {
            return (null, null, Problems.NotFound("room"));
        }

        if (member is null)
        {
            return (null, null, Problems.Forbidden("join the room first."));
        }

        return room.Encrypted ? (room, member, null) : (null, null, Problems.Conflict("room", "this room is not end-to-end encrypted; it has no keys."));
    }

    private static IResult EpochConflict(int current) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: $"epoch: the room is at epoch {current}; the next is {current + 1}.",
            extensions: new Dictionary<string, object?> { ["currentEpoch"] = current, ["errors"] = new Dictionary<string, string[]> { ["epoch"] = [$"must be {current + 1}."] } });

    /// <summary>
    /// Checks the wraps of an upload: each names a current member's device (the caller's own for <paramref name="ownDevicesOnly"/>)
    /// at most once, is sent by one of the caller's devices, and carries that device's valid signature for this room,
    /// epoch and recipient. The server cannot check what is inside; the signature at least keeps garbage and other
    /// people's wraps out.
    /// </summary>
    private static async Task<List<CheckedWrap>?> CheckWrapsAsync(
        Validation v, LoomDb db, ChatRoom room, int epoch, Guid userId, IReadOnlyList<WrapUpload>? wraps, bool ownDevicesOnly, CancellationToken ct)
    {
        if (wraps is null || wraps.Count == 0 || wraps.Count > EncryptionRules.MaxWrapsPerUpload)
        {
            v.Add("wraps", $"must hold 1–{EncryptionRules.MaxWrapsPerUpload} wraps.");
            return null;
        }

        var recipients = (await RoomKeys.MemberDevicesAsync(db, room.Id, ct)).Where(d => !ownDevicesOnly || d.UserId == userId).ToDictionary(d => d.Id);
        var senders = await db.Set<ChatDevice>().AsNoTracking().Where(d => d.UserId == userId && d.RevokedAt == null).ToDictionaryAsync(d => d.Id, ct);
        var result = new List<CheckedWrap>(wraps.Count);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < wraps.Count; i++)
        {
            var field = $"wraps[{i}]";
            var w = wraps[i];
            if (w?.DeviceId is not { } deviceId || !recipients.ContainsKey(deviceId))
            {
                v.Add(field, ownDevicesOnly ? "deviceId must be one of your devices: older epochs are only shared between one user's devices." : "deviceId must be a device of a current member, not revoked.");
                continue;
            }

            if (!seen.Add(deviceId))
            {
                v.Add(field, "deviceId appears twice.");
                continue;
            }

            if (w.SenderDeviceId is not { } senderId || !senders.TryGetValue(senderId, out var sender))
            {
                v.Add(field, "senderDeviceId must be one of your devices, not revoked.");
                continue;
            }

            var bytes = DevicesApi.Key(new Validation(), "wrapped", w.Wrapped, RoomKeyWrap.Length);
            if (bytes is null || !RoomKeyWrap.VerifySignature(bytes, new WrapContext(room.Id, epoch, deviceId, senderId), sender.Ed25519))
            {
                v.Add(field, $"wrapped must be base64 of a {RoomKeyWrap.Length}-byte wrap signed by the sender device for this room, epoch and device.");
                continue;
            }

            result.Add(new CheckedWrap(deviceId, senderId, bytes, default));
        }

        return result;
    }

    private sealed record CheckedWrap(Guid DeviceId, Guid SenderDeviceId, byte[] Wrapped, DateTimeOffset CreatedAt)
    {
        public ChatRoomKey ToRow(Guid roomId, int epoch) =>
            new() { RoomId = roomId, Epoch = epoch, DeviceId = DeviceId, SenderDeviceId = SenderDeviceId, Wrapped = Wrapped, CreatedAt = CreatedAt };
    }
}
