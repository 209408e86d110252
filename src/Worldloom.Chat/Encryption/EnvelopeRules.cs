using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;

namespace Worldloom.Chat.Encryption;

/// <summary>
/// What the server checks of a body before storing it, for REST and WebSocket alike. In an encrypted room it can only
/// check the envelope's shape, never its content: version 1, base64url, at most 16 KiB, the room's current epoch, a
/// device of the author's that is not revoked, and that device's signature over this room and client id (so a body
/// cannot be replayed under another client id or room). Elsewhere: plaintext of at most 4,000 characters.
/// </summary>
public static class EnvelopeRules
{
    /// <summary>
    /// Checks <paramref name="body"/> (already known not blank) from <paramref name="authorId"/> for <paramref name="room"/>,
    /// loading the author's devices when the room is encrypted. Null when it may be stored.
    /// </summary>
    public static async Task<EnvelopeRefusal?> CheckAsync(LoomDb db, ChatRoom room, Guid authorId, string clientId, string body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(room);
        if (!room.Encrypted || MessageEnvelope.Parse(body) is not { } parts)
        {
            return Check(room, clientId, body, _ => null);
        }

        var device = await db.Set<ChatDevice>().AsNoTracking()
            .Where(d => d.Id == parts.SenderDeviceId && d.UserId == authorId && d.RevokedAt == null).Select(d => d.Ed25519).FirstOrDefaultAsync(ct);
        return Check(room, clientId, body, id => id == parts.SenderDeviceId ? device : null);
    }

    /// <summary>
    /// The same check with the author's devices given: <paramref name="authorDeviceKey"/> answers the Ed25519 key of a
    /// device id when it is one of the author's devices and not revoked (a caller that caches devices uses this).
    /// </summary>
    public static EnvelopeRefusal? Check(ChatRoom room, string clientId, string body, Func<Guid, byte[]?> authorDeviceKey)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(authorDeviceKey);
        if (!room.Encrypted)
        {
            return body.Length > ChatRules.MaxBodyLength
                ? new EnvelopeRefusal(EncryptionCodes.TooLong, StatusCodes.Status400BadRequest, $"must be at most {ChatRules.MaxBodyLength} characters.")
                : null;
        }

        if (!body.StartsWith(MessageEnvelope.Prefix, StringComparison.Ordinal))
        {
            return new EnvelopeRefusal(EncryptionCodes.Plaintext, StatusCodes.Status400BadRequest, "this room is end-to-end encrypted: send an e1 envelope, not plaintext.");
        }

        if (MessageEnvelope.Parse(body) is not { } parts)
        {
            return new EnvelopeRefusal(
                EncryptionCodes.Malformed, StatusCodes.Status400BadRequest, $"is not a well-formed e1 envelope (base64url without padding, version 1, at most {MessageEnvelope.MaxLength} characters).");
        }

        if (room.KeyEpoch == 0)
        {
            return new EnvelopeRefusal(EncryptionCodes.NoRoomKey, StatusCodes.Status409Conflict, "the room has no key yet: upload epoch 1 first.", 0);
        }

        if (parts.Epoch != room.KeyEpoch || room.KeyRotationNeeded)
        {
            var detail = room.KeyRotationNeeded
                ? $"the room key must rotate first: upload epoch {room.KeyEpoch + 1}."
                : $"the envelope is under epoch {parts.Epoch} but the room is at epoch {room.KeyEpoch}.";
            return new EnvelopeRefusal(EncryptionCodes.StaleKey, StatusCodes.Status409Conflict, detail, room.KeyEpoch);
        }

        if (authorDeviceKey(parts.SenderDeviceId) is not { } key)
        {
            return new EnvelopeRefusal(EncryptionCodes.UnknownDevice, StatusCodes.Status400BadRequest, "the envelope's device is not one of your devices, or it was revoked.");
        }

        return MessageEnvelope.VerifySignature(parts, room.Id, clientId, key)
            ? null
            : new EnvelopeRefusal(EncryptionCodes.BadSignature, StatusCodes.Status400BadRequest, "the envelope's signature does not verify for this room, client id and device.");
    }
}
