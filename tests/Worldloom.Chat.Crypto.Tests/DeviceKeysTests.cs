namespace Worldloom.Chat.Crypto.Tests;

public sealed class DeviceKeysTests
{
    [Fact]
    public void Generate_GivesDistinctKeys_ThatSurviveExportAndImport()
    {
        using var a = DeviceKeys.Generate();
        using var b = DeviceKeys.Generate();
        var (x, ed) = a.ExportPrivate();
        using var again = DeviceKeys.Import(x, ed);

        Assert.NotEqual(a.X25519Public, b.X25519Public);
        Assert.Equal(a.X25519Public, again.X25519Public);
        Assert.Equal(a.Ed25519Public, again.Ed25519Public);
        Assert.Equal(32, a.X25519Public.Length);
    }

    [Fact]
    public void Binding_VerifiesForItsKeys_AndNoOthers()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        var signature = alice.BindingSignature();

        Assert.True(DeviceKeys.VerifyBinding(alice.X25519Public, alice.Ed25519Public, signature));
        Assert.False(DeviceKeys.VerifyBinding(bob.X25519Public, alice.Ed25519Public, signature));
        Assert.False(DeviceKeys.VerifyBinding(alice.X25519Public, bob.Ed25519Public, signature));
        Assert.False(DeviceKeys.VerifyBinding(alice.X25519Public, alice.Ed25519Public, signature[..63]));
        Assert.False(DeviceKeys.VerifyBinding(alice.X25519Public[..31], alice.Ed25519Public, signature));
        for (var i = 0; i < signature.Length; i += 7)
        {
            var bad = (byte[])signature.Clone();
            bad[i] ^= 1;
            Assert.False(DeviceKeys.VerifyBinding(alice.X25519Public, alice.Ed25519Public, bad));
        }
    }

    [Fact]
    public void Import_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => DeviceKeys.Import(new byte[31], new byte[32]));
        Assert.Throws<ArgumentException>(() => DeviceKeys.Import(new byte[32], new byte[33]));
    }

    [Fact]
    public void SafetyNumber_IsSymmetric_AndDiffersPerPair()
    {
        using var alice = Keys.Alice();
        using var bob = Keys.Bob();
        using var carol = DeviceKeys.Generate();

        var ab = SafetyNumber.Of(alice.Ed25519Public, bob.Ed25519Public);

        Assert.Equal(ab, SafetyNumber.Of(bob.Ed25519Public, alice.Ed25519Public));
        Assert.NotEqual(ab, SafetyNumber.Of(alice.Ed25519Public, carol.Ed25519Public));
        Assert.Matches(@"^\d{5}( \d{5}){9}$", ab);
    }
}
