using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Worldloom.Chat.Crypto;

/// <summary>
/// One device's key pairs: X25519 to receive room keys, Ed25519 to sign what it sends. The private halves never leave
/// the device; the public halves are registered with the server, bound together by <see cref="BindingSignature"/>.
/// </summary>
public sealed class DeviceKeys : IDisposable
{
    /// <summary>Length of every public key, private key and seed here.</summary>
    public const int KeyLength = 32;

    /// <summary>Length of an Ed25519 signature.</summary>
    public const int SignatureLength = 64;

    private static readonly byte[] BindingDomain = Encoding.ASCII.GetBytes("worldloom-chat-device-v1");

    private readonly Key _agreement;

    private readonly Key _signing;

    private DeviceKeys(Key agreement, Key signing)
    {
        _agreement = agreement;
        _signing = signing;
        X25519Public = agreement.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        Ed25519Public = signing.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The X25519 public key (32 bytes).</summary>
    public byte[] X25519Public { get; }

    /// <summary>The Ed25519 public key (32 bytes).</summary>
    public byte[] Ed25519Public { get; }

    /// <summary>New keys from <see cref="RandomNumberGenerator"/>.</summary>
    public static DeviceKeys Generate() =>
        Import(RandomNumberGenerator.GetBytes(KeyLength), RandomNumberGenerator.GetBytes(KeyLength));

    /// <summary>Keys from their private halves: a raw X25519 private key and an Ed25519 seed (RFC 8032), 32 bytes each.</summary>
    public static DeviceKeys Import(ReadOnlySpan<byte> x25519Private, ReadOnlySpan<byte> ed25519Seed)
    {
        if (x25519Private.Length != KeyLength || ed25519Seed.Length != KeyLength)
        {
            throw new ArgumentException($"private keys are {KeyLength} bytes.");
        }

        var exportable = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        var agreement = Key.Import(KeyAgreementAlgorithm.X25519, x25519Private, KeyBlobFormat.RawPrivateKey, exportable);
        var signing = Key.Import(SignatureAlgorithm.Ed25519, ed25519Seed, KeyBlobFormat.RawPrivateKey, exportable);
        return new DeviceKeys(agreement, signing);
    }

    /// <summary>The private halves, to store on the device: (X25519 private key, Ed25519 seed).</summary>
    public (byte[] X25519Private, byte[] Ed25519Seed) ExportPrivate() =>
        (_agreement.Export(KeyBlobFormat.RawPrivateKey), _signing.Export(KeyBlobFormat.RawPrivateKey));

    /// <summary>
    /// The Ed25519 signature over <c>"worldloom-chat-device-v1" ‖ x25519Public</c> that the server checks at registration:
    /// whoever holds the signing key vouches for the agreement key, so neither can be swapped alone.
    /// </summary>
    public byte[] BindingSignature() => Sign(BindingMessage(X25519Public));

    /// <summary>Whether <paramref name="signature"/> binds <paramref name="x25519Public"/> to <paramref name="ed25519Public"/>.</summary>
    public static bool VerifyBinding(ReadOnlySpan<byte> x25519Public, ReadOnlySpan<byte> ed25519Public, ReadOnlySpan<byte> signature) =>
        x25519Public.Length == KeyLength && Verify(ed25519Public, BindingMessage(x25519Public), signature);

    /// <summary>Signs with the device's Ed25519 key.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_signing, data);

    /// <summary>X25519 with the device's private key; null for a low-order public key (an all-zero secret).</summary>
    internal SharedSecret? Agree(ReadOnlySpan<byte> otherPublic) => AgreeWith(_agreement, otherPublic);

    /// <summary>X25519 between a private key and a raw public key; null when the public key is malformed or of low order.</summary>
    internal static SharedSecret? AgreeWith(Key privateKey, ReadOnlySpan<byte> otherPublic)
    {
        if (otherPublic.Length != KeyLength || !PublicKey.TryImport(KeyAgreementAlgorithm.X25519, otherPublic, KeyBlobFormat.RawPublicKey, out var publicKey))
        {
            return null;
        }

        return KeyAgreementAlgorithm.X25519.Agree(privateKey, publicKey!);
    }

    /// <summary>Whether <paramref name="signature"/> is an Ed25519 signature of <paramref name="data"/> by <paramref name="ed25519Public"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> ed25519Public, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        ed25519Public.Length == KeyLength
        && signature.Length == SignatureLength
        && PublicKey.TryImport(SignatureAlgorithm.Ed25519, ed25519Public, KeyBlobFormat.RawPublicKey, out var key)
        && SignatureAlgorithm.Ed25519.Verify(key!, data, signature);

    private static byte[] BindingMessage(ReadOnlySpan<byte> x25519Public) => CryptoBytes.Concat(BindingDomain, x25519Public.ToArray());

    /// <inheritdoc />
    public void Dispose()
    {
        _agreement.Dispose();
        _signing.Dispose();
    }
}
