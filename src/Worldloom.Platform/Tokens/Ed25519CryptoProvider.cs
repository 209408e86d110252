using Microsoft.IdentityModel.Tokens;

namespace Worldloom.Platform.Tokens;

/// <summary>Hands IdentityModel an <see cref="Ed25519SignatureProvider"/> for EdDSA over an <see cref="Ed25519SecurityKey"/>, and nothing else.</summary>
internal sealed class Ed25519CryptoProvider : ICryptoProvider
{
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        algorithm == Ed25519SecurityKey.Algorithm && args.Length > 0 && args[0] is Ed25519SecurityKey;

    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw new NotSupportedException($"Only {Ed25519SecurityKey.Algorithm} over an Ed25519 key is supported.");
        }

        return new Ed25519SignatureProvider((Ed25519SecurityKey)args[0]);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
