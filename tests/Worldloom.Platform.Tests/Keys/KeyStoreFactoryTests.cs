using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tests.Keys;

public sealed class KeyStoreFactoryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "loom-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void DefaultOptions_OpenTheFileStore_InTheDataDir()
    {
        var store = KeyStoreFactory.Create(new KeyStoreOptions(), _dir, TimeProvider.System, _ => null);

        Assert.IsType<FileKeyStore>(store);
        Assert.True(File.Exists(Path.Combine(_dir, "keys", "ed25519.json")));
    }

    [Fact]
    public void UnknownProvider_NamesTheChoices()
    {
        var error = Assert.Throws<KeyStoreException>(() =>
            KeyStoreFactory.Create(new KeyStoreOptions { Provider = "vault" }, _dir, TimeProvider.System, _ => "1234"));

        Assert.Contains("'vault'", error.Message);
        Assert.Contains("'file' or 'pkcs11'", error.Message);
    }

    [Fact]
    public void Pkcs11_WithoutTokenLabel_SaysWhichSettingIsMissing()
    {
        var error = Assert.Throws<KeyStoreException>(() =>
            KeyStoreFactory.Create(new KeyStoreOptions { Provider = "pkcs11" }, _dir, TimeProvider.System, _ => "1234"));

        Assert.Contains("Loom:Keys:Pkcs11TokenLabel", error.Message);
        Assert.Contains("Loom__Keys__Pkcs11TokenLabel", error.Message);
    }

    [Fact]
    public void Pkcs11_WithoutPin_PointsAtTheEnvironmentVariable()
    {
        var error = Assert.Throws<KeyStoreException>(() =>
            KeyStoreFactory.Create(new KeyStoreOptions { Provider = "PKCS11", Pkcs11TokenLabel = "loom" }, _dir, TimeProvider.System, _ => null));

        Assert.Contains("LOOM_PKCS11_PIN", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, "keys")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
