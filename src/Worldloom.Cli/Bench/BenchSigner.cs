using NSec.Cryptography;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Cli.Bench;

/// <summary>
/// An in-memory Ed25519 key from a fixed seed for the export bench: signing costs the same as with the key store, and
/// the bench's bundles come out identical from run to run and machine to machine.
/// </summary>
internal sealed class BenchSigner : IBundleSigner, IDisposable
{
    private readonly Key _key;

    public BenchSigner()
    {
        _key = Key.Import(SignatureAlgorithm.Ed25519, new byte[32], KeyBlobFormat.RawPrivateKey);
        PublicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = BundleKeys.Thumbprint(PublicKey.Span);
    }

    public string KeyId { get; }

    public ReadOnlyMemory<byte> PublicKey { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    public void Dispose() => _key.Dispose();
}
