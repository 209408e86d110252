using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Worldloom.Chat.Crypto;

/// <summary>
/// A message body of an encrypted room: <c>"e1." + base64url(version(1) = 1 ‖ epoch(4, big-endian) ‖ senderDeviceId(16) ‖
/// nonce(12) ‖ Ed25519 signature(64) ‖ AES-256-GCM ciphertext ‖ tag(16))</c>, no padding. The plaintext is the
/// message's UTF-8 text, sealed under the epoch's room key with <see cref="MessageContext.ToBytes"/> as associated data;
/// the sender device signs <c>context ‖ nonce ‖ ciphertext‖tag</c>.
/// </summary>
public static class MessageEnvelope
{
    /// <summary>The text that starts every version 1 envelope.</summary>
    public const string Prefix = "e1.";

    /// <summary>The binary format's version byte.</summary>
    public const byte Version = 1;

    /// <summary>Bytes before the ciphertext.</summary>
    public const int HeaderLength = 1 + 4 + 16 + 12 + DeviceKeys.SignatureLength;

    /// <summary>The AES-GCM tag's length.</summary>
    public const int TagLength = 16;

    /// <summary>Longest plaintext, in UTF-16 code units: the same 4,000 as a plaintext room's message.</summary>
    public const int MaxPlaintextLength = 4000;

    /// <summary>
    /// Longest envelope text: 4,000 UTF-16 code units are at most 12,000 UTF-8 bytes, so 97 + 12,000 + 16 bytes, which is
    /// 16,151 characters of base64url and the prefix; 16 KiB leaves room.
    /// </summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>Seals <paramref name="plaintext"/> with a fresh nonce from <see cref="RandomNumberGenerator"/>.</summary>
    public static string Seal(string plaintext, ReadOnlySpan<byte> roomKey, MessageContext context, DeviceKeys sender) =>
        Seal(plaintext, roomKey, context, sender, RandomNumberGenerator.GetBytes(12));

    /// <summary>Seals with a given nonce: for test vectors only; a nonce reused under one room key breaks AES-GCM.</summary>
    public static string Seal(string plaintext, ReadOnlySpan<byte> roomKey, MessageContext context, DeviceKeys sender, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sender);
        if (plaintext.Length is 0 or > MaxPlaintextLength)
        {
            throw new ArgumentException($"a message is 1–{MaxPlaintextLength} characters.", nameof(plaintext));
        }

        if (roomKey.Length != RoomKeyWrap.RoomKeyLength || nonce.Length != 12)
        {
            throw new ArgumentException("a room key is 32 bytes, a nonce 12.");
        }

        var aad = context.ToBytes();
        var text = new UTF8Encoding(false, true).GetBytes(plaintext);
        var envelope = new byte[HeaderLength + text.Length + TagLength];
        envelope[0] = Version;
        CryptoBytes.UInt32(envelope.AsSpan(1), context.Epoch);
        CryptoBytes.Id(context.SenderDeviceId).CopyTo(envelope, 5);
        nonce.CopyTo(envelope.AsSpan(21));
        var ciphertext = envelope.AsSpan(HeaderLength);
        using (var aes = new AesGcm(roomKey, TagLength))
        {
            aes.Encrypt(nonce, text, ciphertext[..text.Length], ciphertext[text.Length..], aad);
        }

        Sign(sender, aad, nonce, ciphertext).CopyTo(envelope, 33);
        return Prefix + CryptoBytes.Base64Url(envelope);
    }

    /// <summary>
    /// Takes an envelope apart, checking only its shape (prefix, base64url, version, length): what the server can check
    /// without keys. Null when it is not a version 1 envelope at most <see cref="MaxLength"/> characters long.
    /// </summary>
    public static EnvelopeParts? Parse(string? text)
    {
        if (text is null || text.Length > MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = CryptoBytes.FromBase64Url(text[Prefix.Length..]);
        if (bytes is null || bytes.Length < HeaderLength + 1 + TagLength || bytes[0] != Version)
        {
            return null;
        }

        var epoch = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        if (epoch is 0 or > int.MaxValue)
        {
            return null;
        }

        return new EnvelopeParts((int)epoch, CryptoBytes.Id(bytes.AsSpan(5, 16)), bytes[21..33], bytes[33..HeaderLength], bytes[HeaderLength..]);
    }

    /// <summary>Whether the envelope's signature is its claimed device's, for this room and client id.</summary>
    public static bool VerifySignature(EnvelopeParts parts, Guid roomId, string clientId, ReadOnlySpan<byte> senderEd25519)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var aad = new MessageContext(roomId, parts.Epoch, parts.SenderDeviceId, clientId).ToBytes();
        return DeviceKeys.Verify(senderEd25519, CryptoBytes.Concat(aad, parts.Nonce, parts.Ciphertext), parts.Signature);
    }

    /// <summary>
    /// Opens an envelope of room <paramref name="roomId"/> stored under <paramref name="clientId"/>: finds the epoch's
    /// room key and the sender device's Ed25519 key through the two lookups, checks the signature, then decrypts. Throws
    /// <see cref="CryptographicException"/> on any failure; never returns unauthenticated text.
    /// </summary>
    public static string Open(string text, Guid roomId, string clientId, Func<int, byte[]?> roomKeyOfEpoch, Func<Guid, byte[]?> ed25519OfDevice)
    {
        ArgumentNullException.ThrowIfNull(roomKeyOfEpoch);
        ArgumentNullException.ThrowIfNull(ed25519OfDevice);
        var parts = Parse(text) ?? throw new CryptographicException("not a version 1 message envelope.");
        var signer = ed25519OfDevice(parts.SenderDeviceId) ?? throw new CryptographicException($"unknown sender device {parts.SenderDeviceId}.");
        if (!VerifySignature(parts, roomId, clientId, signer))
        {
            throw new CryptographicException("the envelope's signature does not verify for this room, client id and device.");
        }

        var roomKey = roomKeyOfEpoch(parts.Epoch) ?? throw new CryptographicException($"no room key for epoch {parts.Epoch}.");
        var aad = new MessageContext(roomId, parts.Epoch, parts.SenderDeviceId, clientId).ToBytes();
        var length = parts.Ciphertext.Length - TagLength;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(roomKey, TagLength);
            aes.Decrypt(parts.Nonce, parts.Ciphertext.AsSpan(0, length), parts.Ciphertext.AsSpan(length), plain, aad);
            return new UTF8Encoding(false, true).GetString(plain);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException("the envelope does not open with this room key.", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new CryptographicException("the envelope's plaintext is not UTF-8.", e);
        }
    }

    private static byte[] Sign(DeviceKeys sender, byte[] aad, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext) =>
        sender.Sign(CryptoBytes.Concat(aad, nonce.ToArray(), ciphertext.ToArray()));
}
