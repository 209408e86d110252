using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Sharing files in messages (<c>docs/chat.md</c>, "Sharing: attachments"): upload sealed and resumable, then post a message
/// carrying <c>{fileId, key}</c> (the key sealed with the message's client id in end-to-end rooms); and the reverse,
/// opening an attachment's key and downloading it into a folder without ever leaving it or overwriting a file.
/// </summary>
/// <param name="http">Authenticated client whose base address is the server.</param>
/// <param name="rest">REST client of the same user.</param>
/// <param name="crypto">This device's end-to-end keys; needed in encrypted rooms only.</param>
public sealed class FileSharing(HttpClient http, ChatRest rest, RoomCrypto? crypto)
{
    private readonly FileUpload _upload = new(http);
    private readonly FileDownload _download = new(http);

    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/> and posts a message sharing it; the caption is the name when none is given.</summary>
    /// <param name="roomId">Room.</param>
    /// <param name="encrypted">Whether the room is end-to-end encrypted (the caption and key are sealed).</param>
    /// <param name="name">File name as shared.</param>
    /// <param name="content">Plaintext, read once from its current position.</param>
    /// <param name="size">Plaintext bytes.</param>
    /// <param name="caption">Message text.</param>
    /// <param name="progress">Bytes uploaded so far.</param>
    /// <param name="ct">Cancels.</param>
    public async Task<ChatMessage> ShareAsync(
        Guid roomId, bool encrypted, string name, Stream content, long size, string? caption = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var file = await _upload.UploadAsync(roomId, name, content, size, progress: progress, ct: ct);
        var keyText = AttachmentKey.Text(file.Secret());
        var clientId = ChatLink.NewClientId();
        var body = caption ?? name;
        var key = keyText;
        if (encrypted)
        {
            var e2e = crypto ?? throw new E2eException("this room is end-to-end encrypted and this client has no device keys.");
            key = await e2e.SealFileKeyAsync(roomId, file.FileId, keyText, clientId, ct);
            body = await e2e.SealAsync(roomId, body, clientId, ct);
        }

        return await rest.PostAsync(roomId, body, clientId: clientId, ct: ct, attachments: [new AttachmentRef(file.FileId, key)]);
    }

    /// <summary>Downloads and decrypts one attachment into <paramref name="folder"/>; a partial file is removed on failure.</summary>
    /// <returns>The path written.</returns>
    /// <exception cref="E2eException">The key does not open or does not name this file.</exception>
    public async Task<string> DownloadAsync(
        ChatMessage message, ChatAttachment attachment, bool encrypted, string folder, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachment);
        var keyText = attachment.Key;
        if (encrypted)
        {
            var e2e = crypto ?? throw new E2eException("this room is end-to-end encrypted and this client has no device keys.");
            keyText = await e2e.OpenFileKeyAsync(message, attachment, ct) ?? throw new E2eException($"the key of {SafeTarget.FileName(attachment.Name)} does not open on this device.");
        }

        FileSecret secret;
        try
        {
            secret = AttachmentKey.Secret(keyText);
        }
        catch (FormatException e)
        {
            throw new E2eException("the attachment's key is malformed: " + e.Message);
        }

        var (stream, path) = SafeTarget.Create(folder, attachment.Name);
        try
        {
            await using (stream)
            {
                await _download.DownloadAsync(AttachmentKey.Descriptor(message, attachment, secret), stream, progress, ct);
            }

            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
