using System.Security.Cryptography;
using NSec.Cryptography;

namespace Worldloom.Chat.Crypto;

/// <summary>
/// A room key sealed for one device. Layout (157 bytes): <c>version(1) = 1 ‖ ephemeralX25519Public(32) ‖ nonce(12) ‖
/// AES-256-GCM(roomKey)(32) ‖ tag(16) ‖ Ed25519 signature(64)</c>. The AES key is HKDF-SHA256 of X25519(ephemeral,
/// recipient) with salt <c>ephemeralPublic ‖ recipientPublic</c> and info <see cref="WrapContext.ToBytes"/>; the same
/// context is the associated data. The sender device signs <c>context ‖ the first 93 bytes</c>, so a recipient knows
/// which member's device made the key: the server, which sees every wrap, cannot slip in a key of its own.
/// </summary>
public static class RoomKeyWrap
{
    /// <summary>Length of a room key.</summary>
    public const int RoomKeyLength = 32;

    /// <summary>Length of a wrap.</summary>
    public const int Length = 1 + 32 + 12 + RoomKeyLength + 16 + DeviceKeys.SignatureLength;

    /// <summary>The wrap format's version byte.</summary>
    public const byte Version = 1;

    private const int SignedLength = Length - DeviceKeys.SignatureLength;

    /// <summary>A new room key from <see cref="RandomNumberGenerator"/>.</summary>
    public static byte[] NewRoomKey() => RandomNumberGenerator.GetBytes(RoomKeyLength);

    /// <summary>Wraps <paramref name="roomKey"/> for the device whose X25519 public key is <paramref name="recipientX25519"/>, with a fresh ephemeral key and nonce.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> roomKey, WrapContext context, DeviceKeys sender, ReadOnlySpan<byte> recipientX25519) =>
        Wrap(roomKey, context, sender, recipientX25519, RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(12));

    /// <summary>Wraps with a given ephemeral private key and nonce: for test vectors only; never reuse either.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> roomKey, WrapContext context, DeviceKeys sender, ReadOnlySpan<byte> recipientX25519, ReadOnlySpan<byte> ephemeralPrivate, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sender);
        if (roomKey.Length != RoomKeyLength || nonce.Length != 12 || ephemeralPrivate.Length != 32)
        {
            throw new ArgumentException("a room key is 32 bytes, an ephemeral key 32, a nonce 12.");
        }

        using var ephemeral = Key.Import(KeyAgreementAlgorithm.X25519, ephemeralPrivate, KeyBlobFormat.RawPrivateKey);
        var ephemeralPublic = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        using var secret = DeviceKeys.AgreeWith(ephemeral, recipientX25519)
            ?? throw new CryptographicException("the recipient's X25519 key is not usable.");
        var info = context.ToBytes();
        var key = DeriveKey(secret, ephemeralPublic, recipientX25519, info);

        var wrapped = new byte[Length];
        wrapped[0] = Version;
        ephemeralPublic.CopyTo(wrapped, 1);
        nonce.CopyTo(wrapped.AsSpan(33));
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(nonce, roomKey, wrapped.AsSpan(45, RoomKeyLength), wrapped.AsSpan(45 + RoomKeyLength, 16), info);
        }

        CryptographicOperations.ZeroMemory(key);
        sender.Sign(CryptoBytes.Concat(info, wrapped[..SignedLength])).CopyTo(wrapped, SignedLength);
        return wrapped;
    }

    /// <summary>
    /// Whether <paramref name="wrapped"/> has the wrap layout and a valid signature by <paramref name="senderEd25519"/> for
    /// <paramref name="context"/>. The server checks this on upload; it proves nothing about the sealed key itself.
    /// </summary>
    public static bool VerifySignature(ReadOnlySpan<byte> wrapped, WrapContext context, ReadOnlySpan<byte> senderEd25519)
    {
        ArgumentNullException.ThrowIfNull(context);
        return wrapped.Length == Length && wrapped[0] == Version
            && DeviceKeys.Verify(senderEd25519, CryptoBytes.Concat(context.ToBytes(), wrapped[..SignedLength].ToArray()), wrapped[SignedLength..]);
    }

    /// <summary>
    /// The room key inside <paramref name="wrapped"/>, after checking the sender's signature and the AES-GCM tag. Throws
    /// <see cref="CryptographicException"/> when the wrap is malformed, forged, tampered with, or made for another
    /// room, epoch or device.
    /// </summary>
    public static byte[] Unwrap(ReadOnlySpan<byte> wrapped, WrapContext context, DeviceKeys recipient, ReadOnlySpan<byte> senderEd25519)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!VerifySignature(wrapped, context, senderEd25519))
        {
            throw new CryptographicException("the room key wrap is malformed or its signature does not verify.");
        }

        var ephemeralPublic = wrapped.Slice(1, 32);
        using var secret = recipient.Agree(ephemeralPublic) ?? throw new CryptographicException("the wrap's ephemeral key is not usable.");
        var info = context.ToBytes();
        var key = DeriveKey(secret, ephemeralPublic, recipient.X25519Public, info);
        var roomKey = new byte[RoomKeyLength];
        try
        {
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(wrapped.Slice(33, 12), wrapped.Slice(45, RoomKeyLength), wrapped.Slice(45 + RoomKeyLength, 16), roomKey, info);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException("the room key wrap does not open with this device's key.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return roomKey;
    }

    private static byte[] DeriveKey(SharedSecret secret, ReadOnlySpan<byte> ephemeralPublic, ReadOnlySpan<byte> recipientPublic, byte[] info) =>
        KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(secret, CryptoBytes.Concat(ephemeralPublic.ToArray(), recipientPublic.ToArray()), info, 32);
}
