using System.Collections.Concurrent;
using System.Security.Cryptography;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Chat.Crypto;

namespace Worldloom.Chat.Client.E2e;

/// <summary>
/// One device's end-to-end work in encrypted rooms and DMs (<c>docs/chat-security.md</c>): its ring of room keys
/// (unwrapped only after the wrapping device's signature verifies against its owner's device list), making the next
/// epoch when a room has none or must rotate (wrapped for every member device; a lost race is answered by using the
/// winner's key), sharing the current key with members' devices that lack it, and sealing and opening bodies and file
/// keys. Opened texts are cached by room, author, client id and envelope (everything the verification depends on), so rendering never repeats the crypto.
/// </summary>
public sealed class RoomCrypto(E2eRest api, LocalDevice device)
{
    private const int RaceAttempts = 4;

    private readonly DeviceDirectory _directory = new(api);
    private readonly ConcurrentDictionary<(Guid Room, int Epoch), byte[]> _keys = new();
    private readonly ConcurrentDictionary<(Guid Room, Guid Author, string ClientId, string Body), Opened> _opened = new();

    /// <summary>This device.</summary>
    public LocalDevice Device { get; } = device ?? throw new ArgumentNullException(nameof(device));

    /// <summary>The other users' devices seen so far.</summary>
    public DeviceDirectory Directory => _directory;

    /// <summary>Whether this device holds the room key of <paramref name="epoch"/>.</summary>
    public bool HasKey(Guid roomId, int epoch) => _keys.ContainsKey((roomId, epoch));

    /// <summary>Fetches this device's wraps of a room and unwraps the epochs not held yet; a wrap that fails its checks is skipped.</summary>
    /// <returns>How many epochs were added.</returns>
    public async Task<int> LoadKeysAsync(Guid roomId, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var wrap in await api.KeysAsync(roomId, Device.Id, ct))
        {
            if (_keys.ContainsKey((roomId, wrap.Epoch)))
            {
                continue;
            }

            var signer = await _directory.Ed25519Async(wrap.SenderUserId, wrap.SenderDeviceId, ct);
            if (signer is null || CryptoBytes.FromBase64(wrap.Wrapped) is not { } bytes)
            {
                continue;
            }

            try
            {
                _keys[(roomId, wrap.Epoch)] = RoomKeyWrap.Unwrap(bytes, new WrapContext(roomId, wrap.Epoch, Device.Id, wrap.SenderDeviceId), Device.Keys, signer);
                added++;
            }
            catch (CryptographicException)
            {
                // A forged or damaged wrap opens nothing; another member's client may still share a good one.
            }
        }

        return added;
    }

    /// <summary>
    /// The epoch and key to seal the next message with: makes a new epoch when the room has none or must rotate,
    /// otherwise uses the current one (and shares it with members' devices that lack it).
    /// </summary>
    /// <exception cref="E2eException">The room is not encrypted, or nobody has shared the current key with this device yet.</exception>
    public async Task<(int Epoch, byte[] Key)> SendKeyAsync(Guid roomId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var room = await api.Rest.RoomAsync(roomId, ct);
            if (!room.Encrypted)
            {
                throw new E2eException("this room is not end-to-end encrypted.");
            }

            if (room.KeyEpoch == 0 || room.KeyRotationNeeded)
            {
                try
                {
                    return await NewEpochAsync(roomId, room.KeyEpoch + 1, ct);
                }
                catch (ChatRestException e) when (E2eRest.IsConflict(e) && attempt < RaceAttempts)
                {
                    // Another member rotated first, or the members changed while wrapping: read the room again.
                    continue;
                }
            }

            if (!_keys.ContainsKey((roomId, room.KeyEpoch)))
            {
                await LoadKeysAsync(roomId, ct);
            }

            if (_keys.TryGetValue((roomId, room.KeyEpoch), out var key))
            {
                await ShareAsync(roomId, ct);
                return (room.KeyEpoch, key);
            }

            throw new E2eException($"no key for epoch {room.KeyEpoch} on this device yet: another member's client must share it (it does when it sends).");
        }
    }

    /// <summary>Wraps the current key for members' devices that lack it (new members, new devices); best effort, races are harmless.</summary>
    public async Task ShareAsync(Guid roomId, CancellationToken ct = default)
    {
        var missing = await api.MissingAsync(roomId, ct);
        if (missing.RotationNeeded || missing.Devices.Count == 0 || !_keys.TryGetValue((roomId, missing.Epoch), out var key))
        {
            return;
        }

        try
        {
            await api.AddWrapsAsync(roomId, missing.Epoch, [.. missing.Devices.Select(d => Wrap(roomId, missing.Epoch, key, d))], ct);
        }
        catch (ChatRestException e) when (E2eRest.IsConflict(e))
        {
            // Another member shared at the same moment.
        }
    }

    /// <summary>Seals <paramref name="text"/> for the room under <paramref name="clientId"/> (the message's; for an edit, the edited message's).</summary>
    public async Task<string> SealAsync(Guid roomId, string text, string clientId, CancellationToken ct = default)
    {
        var (epoch, key) = await SendKeyAsync(roomId, ct);
        var sealedText = MessageEnvelope.Seal(text, key, new MessageContext(roomId, epoch, Device.Id, clientId), Device.Keys);
        _opened[(roomId, Device.UserId, clientId, sealedText)] = Opened.Ok(text);
        return sealedText;
    }

    /// <summary>Seals a file's key text for an attachment of the message with <paramref name="clientId"/>.</summary>
    public Task<string> SealFileKeyAsync(Guid roomId, Guid fileId, string keyText, string clientId, CancellationToken ct = default) =>
        SealAsync(roomId, AttachmentKey.Sealable(fileId, keyText), clientId, ct);

    /// <summary>
    /// Opens a message's body: verifies the author's device signature, then decrypts. A missing key is fetched once;
    /// a sealed file key or anything that fails is never shown as text.
    /// </summary>
    public async Task<Opened> OpenAsync(ChatMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Deleted || message.Body is null)
        {
            return Opened.Failed("(message deleted)");
        }

        var opened = await OpenTextAsync(message, message.Body, ct);
        return opened.Text is { } text && text.StartsWith(AttachmentKey.SealedPrefix, StringComparison.Ordinal)
            ? Opened.Failed("🔒 (a file key, not a message: hidden)")
            : opened;
    }

    /// <summary>The key text of an attachment of an end-to-end message, after checking it names that file; null when it does not open.</summary>
    public async Task<string?> OpenFileKeyAsync(ChatMessage message, ChatAttachment attachment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attachment);
        var opened = await OpenTextAsync(message, attachment.Key, ct);
        return opened.Text is { } text ? AttachmentKey.FromOpened(text, attachment.FileId) : null;
    }

    /// <summary>What <see cref="OpenAsync"/> gave for this body before, without any crypto or I/O; null when not opened yet.</summary>
    public Opened? Shown(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body is null || message.ClientId is null)
        {
            return null;
        }

        var opened = _opened.GetValueOrDefault((message.RoomId, message.AuthorId, message.ClientId, message.Body));
        return opened?.Text is { } text && text.StartsWith(AttachmentKey.SealedPrefix, StringComparison.Ordinal)
            ? Opened.Failed("🔒 (a file key, not a message: hidden)")
            : opened;
    }

    private async Task<Opened> OpenTextAsync(ChatMessage message, string body, CancellationToken ct)
    {
        if (message.ClientId is not { } clientId)
        {
            return Opened.Failed("🔒 (no client id: cannot be verified)");
        }

        if (_opened.TryGetValue((message.RoomId, message.AuthorId, clientId, body), out var known) && known.Text is not null)
        {
            return known;
        }

        var result = await OpenUncachedAsync(message.RoomId, message.AuthorId, clientId, body, ct);
        _opened[(message.RoomId, message.AuthorId, clientId, body)] = result;
        return result;
    }

    private async Task<Opened> OpenUncachedAsync(Guid roomId, Guid authorId, string clientId, string body, CancellationToken ct)
    {
        if (MessageEnvelope.Parse(body) is not { } parts)
        {
            return Opened.Failed("🔒 (not a sealed message: hidden)");
        }

        var signer = await _directory.Ed25519Async(authorId, parts.SenderDeviceId, ct);
        if (signer is null)
        {
            return Opened.Failed("🔒 (sent from a device its author does not list: hidden)");
        }

        if (!_keys.ContainsKey((roomId, parts.Epoch)))
        {
            await LoadKeysAsync(roomId, ct);
        }

        if (!_keys.ContainsKey((roomId, parts.Epoch)))
        {
            return Opened.Failed($"🔒 (no key for epoch {parts.Epoch} on this device)");
        }

        try
        {
            return Opened.Ok(MessageEnvelope.Open(body, roomId, clientId, e => _keys.GetValueOrDefault((roomId, e)), _ => signer));
        }
        catch (CryptographicException)
        {
            return Opened.Failed("🔒 (does not verify: hidden)");
        }
    }

    private async Task<(int, byte[])> NewEpochAsync(Guid roomId, int epoch, CancellationToken ct)
    {
        var key = RoomKeyWrap.NewRoomKey();
        var devices = await api.RoomDevicesAsync(roomId, ct);
        await api.NewEpochAsync(roomId, epoch, [.. devices.Select(d => Wrap(roomId, epoch, key, d))], ct);
        _keys[(roomId, epoch)] = key;
        return (epoch, key);
    }

    private KeyWrap Wrap(Guid roomId, int epoch, byte[] key, DeviceInfo recipient)
    {
        var x25519 = CryptoBytes.FromBase64(recipient.X25519) ?? throw new E2eException($"device {recipient.Id} has a malformed key.");
        var wrapped = RoomKeyWrap.Wrap(key, new WrapContext(roomId, epoch, recipient.Id, Device.Id), Device.Keys, x25519);
        return new KeyWrap(recipient.Id, Device.Id, Convert.ToBase64String(wrapped));
    }
}
