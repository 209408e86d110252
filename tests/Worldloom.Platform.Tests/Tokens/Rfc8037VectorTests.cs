using System.Text;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using Worldloom.Platform.Keys;
using Worldloom.Platform.Tokens;

namespace Worldloom.Platform.Tests.Tokens;

/// <summary>RFC 8037 appendix A: the Ed25519 key, its thumbprint and the JWS signature.</summary>
public sealed class Rfc8037VectorTests
{
    private const string D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private const string X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private const string SigningInput = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
    private const string Signature = "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    [Fact]
    public void Thumbprint_MatchesA3() =>
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", Ed25519Keys.Thumbprint(Base64UrlEncoder.DecodeBytes(X)));

    [Fact]
    public void SignatureProvider_SignsAndVerifiesA4()
    {
        var store = new VectorKeyStore();
        var key = new Ed25519SecurityKey(store.Current, store);
        var provider = key.CryptoProviderFactory.CreateForSigning(key, "EdDSA");
        var input = Encoding.ASCII.GetBytes(SigningInput);

        Assert.Equal(Signature, Base64UrlEncoder.Encode(provider.Sign(input)));
        var verifier = new Ed25519SecurityKey(store.Current).CryptoProviderFactory.CreateForVerifying(new Ed25519SecurityKey(store.Current), "EdDSA");
        var sig = Base64UrlEncoder.DecodeBytes(Signature);
        Assert.True(verifier.Verify(input, 0, input.Length, sig, 0, sig.Length));
        sig[0] ^= 1;
        Assert.False(verifier.Verify(input, 0, input.Length, sig, 0, sig.Length));
    }

    [Fact]
    public void OtherAlgorithms_NotSupportedByTheKey()
    {
        var key = new Ed25519SecurityKey(new VectorKeyStore().Current);
        Assert.False(key.CryptoProviderFactory.IsSupportedAlgorithm("HS256", key));
        Assert.False(key.CryptoProviderFactory.IsSupportedAlgorithm("RS256", key));
    }

    /// <summary>A key store holding only the RFC's key: the vector key, not a stand-in for the real stores.</summary>
    private sealed class VectorKeyStore : IKeyStore
    {
        private readonly byte[] _seed = Base64UrlEncoder.DecodeBytes(D);

        public PublicSigningKey Current => new(Ed25519Keys.Thumbprint(Base64UrlEncoder.DecodeBytes(X)), Base64UrlEncoder.DecodeBytes(X), DateTimeOffset.UnixEpoch);

        public IReadOnlyList<PublicSigningKey> PublicKeys => [Current];

        public byte[] Sign(string keyId, ReadOnlySpan<byte> data)
        {
            using var key = Key.Import(SignatureAlgorithm.Ed25519, _seed, KeyBlobFormat.RawPrivateKey);
            return SignatureAlgorithm.Ed25519.Sign(key, data);
        }

        public PublicSigningKey Rotate() => throw new NotSupportedException();
    }
}
