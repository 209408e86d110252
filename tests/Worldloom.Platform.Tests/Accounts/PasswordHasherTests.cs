using Worldloom.Platform.Accounts;

namespace Worldloom.Platform.Tests.Accounts;

public sealed class PasswordHasherTests
{
    [Fact]
    public void HashThenVerify_RoundTrips_AndSaltsDiffer()
    {
        var a = PasswordHasher.Hash("correct horse battery");
        var b = PasswordHasher.Hash("correct horse battery");

        Assert.NotEqual(a, b);
        Assert.True(PasswordHasher.Verify("correct horse battery", a));
        Assert.False(PasswordHasher.Verify("correct horse batterY", a));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$AAAA$AAAA")]
    [InlineData("$bcrypt$x$y$z$w")]
    public void Verify_Malformed_IsFalse(string phc) => Assert.False(PasswordHasher.Verify("anything at all", phc));
}
