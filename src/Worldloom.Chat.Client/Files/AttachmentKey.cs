using System.Buffers.Text;
using Worldloom.Chat.Client.Realtime;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// The <c>key</c> of an attachment (<c>docs/chat.md</c>, "Sharing: attachments"): <c>keyText = base64url(K ‖ P)</c> in plain
/// rooms, and in end-to-end rooms an envelope of <c>loom-file-key-v1 &lt;fileId&gt; &lt;keyText&gt;</c> under the message's client id.
/// </summary>
public static class AttachmentKey
{
    /// <summary>What a sealed file key's plaintext starts with; a body that opens to it is never shown.</summary>
    public const string SealedPrefix = "loom-file-key-v1 ";

    /// <summary>The 54-character key text of a secret.</summary>
    public static string Text(FileSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Base64Url.EncodeToString([.. secret.Key, .. secret.NoncePrefix]);
    }

    /// <summary>The secret in a key text.</summary>
    /// <exception cref="FormatException">Not base64url of 40 bytes.</exception>
    public static FileSecret Secret(string keyText)
    {
        ArgumentNullException.ThrowIfNull(keyText);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(keyText);
        }
        catch (FormatException e)
        {
            throw new FormatException("The file key is not base64url.", e);
        }

        if (bytes.Length != FileSecret.KeyBytes + FileSecret.PrefixBytes)
        {
            throw new FormatException("The file key is not 40 bytes.");
        }

        return new FileSecret(bytes.AsSpan(0, FileSecret.KeyBytes), bytes.AsSpan(FileSecret.KeyBytes));
    }

    /// <summary>The plaintext to seal for <paramref name="fileId"/> in an end-to-end room.</summary>
    public static string Sealable(Guid fileId, string keyText) => SealedPrefix + fileId.ToString("D") + " " + keyText;

    /// <summary>The key text from an opened sealed key, only when it names <paramref name="fileId"/> (a server must not move a key onto another file).</summary>
    public static string? FromOpened(string opened, Guid fileId)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var parts = opened.Split(' ');
        return parts.Length == 3 && opened.StartsWith(SealedPrefix, StringComparison.Ordinal) && Guid.TryParseExact(parts[1], "D", out var named) && named == fileId
            && parts[1] == fileId.ToString("D")
            ? parts[2]
            : null;
    }

    /// <summary>The descriptor to download an attachment with, given its secret.</summary>
    public static FileDescriptor Descriptor(ChatMessage message, ChatAttachment attachment, FileSecret secret)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachment);
        var (key, nonce) = FileDescriptor.Encode(secret);
        return new FileDescriptor(attachment.FileId, message.RoomId, attachment.Name, attachment.Size, attachment.ChunkSize, attachment.Chunks, attachment.ContentType, key, nonce);
    }
}
