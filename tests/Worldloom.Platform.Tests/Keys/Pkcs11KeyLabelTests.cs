using Worldloom.Platform.Keys;

namespace Worldloom.Platform.Tests.Keys;

public sealed class Pkcs11KeyLabelTests
{
    [Fact]
    public void Label_RoundTrips_AndFitsFortyCharacters()
    {
        var label = new Pkcs11KeyLabel(123456, new DateTimeOffset(2026, 1, 7, 10, 0, 0, 250, TimeSpan.FromHours(2)));

        var text = label.ToString();

        Assert.Equal("loom 123456 2026-01-07T08:00:00.250Z", text);
        Assert.True(text.Length <= 40);
        Assert.True(Pkcs11KeyLabel.TryParse(text, out var parsed));
        Assert.Equal(label, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("my ssh key")]
    [InlineData("loom x 2026-01-07T08:00:00.250Z")]
    [InlineData("loom 1 yesterday")]
    public void ForeignLabels_AreNotOurs(string? text) => Assert.False(Pkcs11KeyLabel.TryParse(text, out _));

    [Theory]
    [InlineData("0420" + "0101010101010101010101010101010101010101010101010101010101010101")]
    [InlineData("0101010101010101010101010101010101010101010101010101010101010101")]
    public void EcPoint_OctetStringOrRaw_UnwrapsTo32Bytes(string hex) =>
        Assert.Equal(Enumerable.Repeat((byte)1, 32), Pkcs11KeyStore.UnwrapEcPoint(Convert.FromHexString(hex)));

    [Fact]
    public void EcPoint_OtherwiseEncoded_Throws() =>
        Assert.Throws<KeyStoreException>(() => Pkcs11KeyStore.UnwrapEcPoint(Convert.FromHexString("0421" + new string('1', 66))));
}
