using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Worldloom.Chat.Encryption;
using Worldloom.Chat.Files;
using Worldloom.Chat.Realtime;
using Worldloom.Chat.Rooms;
using Worldloom.Platform.Data;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Messages;

/// <summary>
/// The files a message carries (docs/chat.md, "Sharing: attachments"): their shape, checked where a send arrives (REST
/// or WebSocket), and their files and keys, checked by the room's writer; stored with the message as JSON.
/// </summary>
public static class MessageAttachments
{
    /// <summary>Most files one message may carry.</summary>
    public const int MaxPerMessage = 10;

    /// <summary>Bytes of a file's secret: the 32-byte AES key and the 8-byte nonce prefix.</summary>
    public const int SecretBytes = 40;

    /// <summary>How the plaintext of a sealed key starts; clients never show a body that opens to this.</summary>
    public const string SealedKeyPrefix = "loom-file-key-v1 ";

    private static readonly IReadOnlyList<AttachmentView> None = [];

    /// <summary>The attachments of a REST post, null when there are none; problems go into <paramref name="v"/>.</summary>
    public static AttachmentRef[]? Read(Validation v, IReadOnlyList<AttachmentPost?>? posts)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (posts is null || posts.Count == 0)
        {
            return null;
        }

        if (posts.Count > MaxPerMessage)
        {
            v.Add("attachments", $"at most {MaxPerMessage} files per message.");
            return null;
        }

        return Shape(v, posts.Select(p => (p?.FileId, p?.Key)).ToList());
    }

    /// <summary>The attachments of a WebSocket <c>send</c> frame, null when there are none; problems go into <paramref name="v"/>.</summary>
    public static AttachmentRef[]? Read(Validation v, JsonElement frame)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (!frame.TryGetProperty("attachments", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            v.Add("attachments", "must be an array of {fileId, key}.");
            return null;
        }

        if (list.GetArrayLength() > MaxPerMessage)
        {
            v.Add("attachments", $"at most {MaxPerMessage} files per message.");
            return null;
        }

        var items = new List<(Guid?, string?)>();
        foreach (var item in list.EnumerateArray())
        {
            Guid? fileId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("fileId", out var f) && f.ValueKind == JsonValueKind.String && f.TryGetGuid(out var g) ? g : null;
            var key = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            items.Add((fileId, key));
        }

        return items.Count == 0 ? null : Shape(v, items);
    }

    /// <summary>
    /// Checks each attachment against the files of <paramref name="room"/> and its key against the room's kind: the
    /// file must be a complete upload of this room by <paramref name="authorId"/>; the key, in a plain room, the
    /// base64url of the 40-byte secret, and in an encrypted one an envelope the author sealed with this message's
    /// client id. The views to store, or why not.
    /// </summary>
    public static async Task<(AttachmentView[]? Views, EnvelopeRefusal? Refusal)> CheckAsync(
        LoomDb db, ChatRoom room, Guid authorId, string clientId, IReadOnlyList<AttachmentRef> attachments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(attachments);
        var ids = attachments.Select(a => a.FileId).ToList();
        var files = await db.Set<ChatFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var views = new AttachmentView[attachments.Count];
        for (var i = 0; i < attachments.Count; i++)
        {
            var (fileId, key) = attachments[i];
            var field = $"attachments[{i}].fileId";
            // Files of other rooms answer like missing ones, so an id never confirms a room the sender cannot see.
            if (!files.TryGetValue(fileId, out var file) || file.RoomId != room.Id)
            {
                return (null, Invalid(field, "no such file in this room."));
            }

            if (file.UploaderId != authorId)
            {
                return (null, Invalid(field, "only the file's uploader may attach it."));
            }

            if (file.CompletedAt is null)
            {
                return (null, Invalid(field, "the upload is not complete: send its missing chunks and complete it first."));
            }

            var keyField = $"attachments[{i}].key";
            if (!room.Encrypted)
            {
                if (!IsSecret(key))
                {
                    return (null, Invalid(keyField, $"must be the base64url (no padding) of the file's {SecretBytes}-byte key and nonce prefix."));
                }
            }
            else if (await EnvelopeRules.CheckAsync(db, room, authorId, clientId, key, ct) is { } refusal)
            {
                return (null, refusal with { Field = keyField });
            }

            views[i] = new AttachmentView(file.Id, file.Name, file.Size, file.ContentType, file.ChunkSize, file.Chunks, key);
        }

        return (views, null);
    }

    /// <summary>The stored form of <paramref name="views"/>: null when there are none.</summary>
    public static string? ToJson(IReadOnlyList<AttachmentView>? views) =>
        views is null || views.Count == 0 ? null : JsonSerializer.Serialize(views, ChatWire.Options);

    /// <summary>The attachments of a stored message.</summary>
    public static IReadOnlyList<AttachmentView> FromJson(string? json) =>
        json is null ? None : JsonSerializer.Deserialize<AttachmentView[]>(json, ChatWire.Options) ?? None;

    private static AttachmentRef[]? Shape(Validation v, IReadOnlyList<(Guid? FileId, string? Key)> items)
    {
        var seen = new HashSet<Guid>();
        var result = new List<AttachmentRef>();
        for (var i = 0; i < items.Count; i++)
        {
            var (fileId, key) = items[i];
            if (fileId is not { } id || id == Guid.Empty)
            {
                v.Add($"attachments[{i}].fileId", "is required: the id of a complete upload in this room.");
            }
            else if (!seen.Add(id))
            {
                v.Add($"attachments[{i}].fileId", "is attached twice.");
            }

            if (string.IsNullOrEmpty(key) || key.Length > Crypto.MessageEnvelope.MaxLength)
            {
                v.Add($"attachments[{i}].key", $"is required: the file's key text, or in an encrypted room its envelope (at most {Crypto.MessageEnvelope.MaxLength} characters).");
            }
            else if (fileId is { } ok)
            {
                result.Add(new AttachmentRef(ok, key));
            }
        }

        return v.Failed ? null : [.. result];
    }

    private static bool IsSecret(string key)
    {
        Span<byte> bytes = stackalloc byte[SecretBytes + 3];
        return key.Length == 54
            && System.Buffers.Text.Base64Url.DecodeFromChars(key, bytes, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == SecretBytes;
    }

    private static EnvelopeRefusal Invalid(string field, string detail) => new(ChatErrors.Invalid, StatusCodes.Status400BadRequest, detail, Field: field);
}
