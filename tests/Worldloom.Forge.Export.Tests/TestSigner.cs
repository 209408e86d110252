using NSec.Cryptography;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Forge.Export.Tests;

/// <summary>An Ed25519 signer from a fixed private key, so bundles in tests are reproducible; a different seed byte is a different key.</summary>
internal sealed class TestSigner : IBundleSigner, IDisposable
{
    private readonly Key _key;

    public TestSigner(byte seedByte = 7)
    {
        var seed = new byte[32];
        Array.Fill(seed, seedByte);
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        PublicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = BundleKeys.Thumbprint(PublicKey.Span);
    }

    public string KeyId { get; }

    public ReadOnlyMemory<byte> PublicKey { get; }

    public byte[] Sign(ReadOnlySpan<byte> data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    public void Dispose() => _key.Dispose();
}
