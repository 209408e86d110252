namespace Worldloom.Platform.Keys;

/// <summary>
/// Holds the platform's Ed25519 signing keys. Private keys never leave the store: callers hand it bytes to sign,
/// so a hardware token (PKCS#11) can stand in for the default file store.
/// </summary>
public interface IKeyStore
{
    /// <summary>The key new signatures are made with: the most recently added one.</summary>
    PublicSigningKey Current { get; }

    /// <summary>Every key the store holds, oldest first; old keys stay so older tokens and audit entries still verify.</summary>
    IReadOnlyList<PublicSigningKey> PublicKeys { get; }

    /// <summary>Signs <paramref name="data"/> with the key named <paramref name="keyId"/> and returns the 64-byte signature.</summary>
    byte[] Sign(string keyId, ReadOnlySpan<byte> data);

    /// <summary>Creates a new key and makes it current. Returns its public half.</summary>
    PublicSigningKey Rotate();
}
