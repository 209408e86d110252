using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tests.Keys;

public sealed class FileKeyStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "loom-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void NewStore_HasOneKey_InAnOwnerOnlyFile()
    {
        var store = new FileKeyStore(_dir, TimeProvider.System);

        Assert.Single(store.PublicKeys);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "ed25519.json")));
    }

    [Fact]
    public void Signatures_VerifyWithThePublicKey()
    {
        var store = new FileKeyStore(_dir, TimeProvider.System);
        var key = store.Current;

        var signature = store.Sign(key.KeyId, "hello"u8);

        Assert.True(Ed25519Keys.Verify(key.PublicKey, "hello"u8, signature));
        Assert.False(Ed25519Keys.Verify(key.PublicKey, "hellO"u8, signature));
    }

    [Fact]
    public void Rotate_PersistsAndKeepsOldKeys()
    {
        var first = new FileKeyStore(_dir, TimeProvider.System);
        var oldKey = first.Current;
        var newKey = first.Rotate();

        var reopened = new FileKeyStore(_dir, TimeProvider.System);

        Assert.Equal(newKey.KeyId, reopened.Current.KeyId);
        Assert.Equal([oldKey.KeyId, newKey.KeyId], reopened.PublicKeys.Select(k => k.KeyId));
        Assert.True(Ed25519Keys.Verify(oldKey.PublicKey, "x"u8, reopened.Sign(oldKey.KeyId, "x"u8)));
    }

    [Fact]
    public void Sign_UnknownKey_Throws()
    {
        var store = new FileKeyStore(_dir, TimeProvider.System);

        Assert.Throws<KeyNotFoundException>(() => store.Sign("nope", "x"u8));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
