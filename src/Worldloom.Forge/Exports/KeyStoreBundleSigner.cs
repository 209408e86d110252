using Worldloom.Forge.Export.Bundles;
using Worldloom.Platform.Keys;

namespace Worldloom.Forge.Exports;

/// <summary>Signs bundles with the platform key store's current key (a file or an HSM), which never hands the private key out.</summary>
public sealed class KeyStoreBundleSigner : IBundleSigner
{
    private readonly IKeyStore _keys;
    private readonly PublicSigningKey _key;

    /// <summary>Signs with <paramref name="keys"/>' current key as it is now; a rotation later does not change this signer.</summary>
    public KeyStoreBundleSigner(IKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _key = keys.Current;
    }

    /// <inheritdoc />
    public string KeyId => _key.KeyId;

    /// <inheritdoc />
    public ReadOnlyMemory<byte> PublicKey => _key.PublicKey;

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> data) => _keys.Sign(_key.KeyId, data);
}
