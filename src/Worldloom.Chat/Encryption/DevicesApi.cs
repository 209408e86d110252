using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Realtime;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Data;
using Worldloom.Platform.Hosting;
using Worldloom.Platform.Problems;
using Worldloom.Platform.Tokens;

namespace Worldloom.Chat.Encryption;

/// <summary>
/// <c>/api/chat/devices</c>: registering, listing and revoking the caller's devices, and <c>/api/chat/users/{id}/devices</c>
/// for anyone's public keys (every user may be sent a direct message, so every user's keys are public). Registering and
/// revoking are audited: they decide who can read what.
/// </summary>
public static class DevicesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder routes)
    {
        var devices = routes.MapGroup("/api/chat/devices").WithTags("Chat").RequireAuthorization();
        devices.MapPost("/", RegisterAsync);
        devices.MapGet("/", MineAsync);
        devices.MapDelete("/{id:guid}", RevokeAsync);
        routes.MapGet("/api/chat/users/{id:guid}/devices", OfUserAsync).WithTags("Chat").RequireAuthorization();
        return routes;
    }

    /// <summary>
    /// Registers a device: 201 with it. The same keys registered again by the same user answer 200 with the first row (a
    /// client may retry); keys already registered by someone else answer 409.
    /// </summary>
    public static async Task<IResult> RegisterAsync(DeviceRegister body, ClaimsPrincipal user, LoomDb db, IAuditChain audit, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var v = new Validation();
        var name = v.Text("name", body.Name, EncryptionRules.MaxDeviceNameLength);
        var x25519 = Key(v, "x25519", body.X25519, DeviceKeys.KeyLength);
        var ed25519 = Key(v, "ed25519", body.Ed25519, DeviceKeys.KeyLength);
        var signature = Key(v, "signature", body.Signature, DeviceKeys.SignatureLength);
        if (x25519 is not null && ed25519 is not null && signature is not null && !DeviceKeys.VerifyBinding(x25519, ed25519, signature))
        {
            v.Add("signature", "does not verify: sign \"worldloom-chat-device-v1\" followed by the X25519 key with the Ed25519 key.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var userId = user.UserId();
        if (await db.Set<ChatDevice>().AsNoTracking().FirstOrDefaultAsync(d => d.Ed25519 == ed25519, ct) is { } existing)
        {
            return existing.UserId == userId && existing.X25519.AsSpan().SequenceEqual(x25519) && existing.RevokedAt is null
                ? TypedResults.Ok(DeviceView.From(existing))
                : Problems.Conflict("ed25519", "this key is already registered; make new keys for a new device.");
        }

        if (await db.Set<ChatDevice>().CountAsync(d => d.UserId == userId && d.RevokedAt == null, ct) >= EncryptionRules.MaxDevicesPerUser)
        {
            return Problems.Conflict("devices", $"you have {EncryptionRules.MaxDevicesPerUser} devices; revoke one first.");
        }

        var now = clock.GetUtcNow();
        var device = new ChatDevice { Id = Guid.CreateVersion7(now), UserId = userId, Name = name, X25519 = x25519!, Ed25519 = ed25519!, CreatedAt = now };
        db.Set<ChatDevice>().Add(device);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique Ed25519 index: the same registration raced this one.
            db.ChangeTracker.Clear();
            var raced = await db.Set<ChatDevice>().AsNoTracking().FirstOrDefaultAsync(d => d.Ed25519 == ed25519 && d.UserId == userId, ct);
            return raced is null ? Problems.Conflict("ed25519", "this key is already registered.") : TypedResults.Ok(DeviceView.From(raced));
        }

        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "chat.device.add", $"chat-device:{device.Id}"), ct);
        return TypedResults.Created($"/api/chat/devices/{device.Id}", DeviceView.From(device));
    }

    /// <summary>The caller's devices, revoked ones included, oldest first.</summary>
    public static async Task<IResult> MineAsync(ClaimsPrincipal user, LoomDb db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, user.UserId(), ct));

    /// <summary>
    /// A user's devices, revoked ones included (their keys still verify what they signed before). 404 for no such user.
    /// A client shows this list, so a device the server slipped in is visible to the people it would read for.
    /// </summary>
    public static async Task<IResult> OfUserAsync(Guid id, LoomDb db, CancellationToken ct) =>
        await db.Users.AsNoTracking().AnyAsync(u => u.Id == id, ct) ? TypedResults.Ok(await ListAsync(db, id, ct)) : Problems.NotFound("user");

    private static async Task<List<DeviceView>> ListAsync(LoomDb db, Guid userId, CancellationToken ct) =>
        (await db.Set<ChatDevice>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Id).ToListAsync(ct)).Select(DeviceView.From).ToList();

    /// <summary>
    /// Revokes one of the caller's devices: 204 (also when already revoked). It gets no new room keys, its new envelopes
    /// are refused, and every encrypted room of the caller's must rotate, since the device held their keys.
    /// </summary>
    public static async Task<IResult> RevokeAsync(Guid id, ClaimsPrincipal user, LoomDb db, IAuditChain audit, IChatRelay relay, LoomClock clock, HttpContext http, CancellationToken ct)
    {
        var userId = user.UserId();
        var device = await db.Set<ChatDevice>().FirstOrDefaultAsync(d => d.Id == id && d.UserId == userId, ct);
        if (device is null)
        {
            return Problems.NotFound("device");
        }

        if (device.RevokedAt is not null)
        {
            return TypedResults.NoContent();
        }

        device.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await RoomKeys.DeviceRevokedAsync(db, relay, userId, ct);
        await audit.AppendAsync(new AuditEvent(userId.ToString(), http.ClientIp(), "chat.device.revoke", $"chat-device:{device.Id}"), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Decodes a required base64 field of an exact length; null (and an error) otherwise.</summary>
    internal static byte[]? Key(Validation v, string field, string? text, int length)
    {
        if (string.IsNullOrEmpty(text))
        {
            v.Add(field, "is required.");
            return null;
        }

        var bytes = text.Length <= 4 * ((length + 2) / 3) ? CryptoBytes.FromBase64(text) : null;
        if (bytes is null || bytes.Length != length)
        {
            v.Add(field, $"must be standard base64 of exactly {length} bytes.");
            return null;
        }

        return bytes;
    }
}
