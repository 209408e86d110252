using System.Text;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.World;

public sealed class ForgeSeedTests
{
    [Theory]
    [InlineData("42", "i:42")]
    [InlineData("-9223372036854775808", "i:-9223372036854775808")]
    [InlineData("0", "i:0")]
    [InlineData("042", "s:042")]
    [InlineData("+42", "s:+42")]
    [InlineData("-0", "s:-0")]
    [InlineData("9223372036854775808", "s:9223372036854775808")]
    [InlineData("dragon coast", "s:dragon coast")]
    [InlineData("", "s:")]
    public void Parse_GivesCanonicalBytes(string text, string expected) =>
        Assert.Equal(Encoding.UTF8.GetBytes(expected), ForgeSeed.Parse(text).Bytes.ToArray());

    [Fact]
    public void IntegerAndItsText_AreOneSeed()
    {
        Assert.Equal(ForgeSeed.FromInt64(-17), ForgeSeed.Parse("-17"));
        Assert.Equal(-17L, ForgeSeed.Parse("-17").Integer);
        Assert.Null(ForgeSeed.Parse("x").Integer);
    }

    [Fact]
    public void NonAscii_IsUtf8_WithoutNormalisation()
    {
        // "é" precomposed and decomposed are different seeds: normalisation is the caller's choice (see ForgeSeed docs).
        Assert.Equal([(byte)'s', (byte)':', 0xC3, 0xA9], ForgeSeed.Parse("\u00e9").Bytes.ToArray());
        Assert.NotEqual(ForgeSeed.Parse("\u00e9"), ForgeSeed.Parse("e\u0301"));
    }

    [Fact]
    public void Parse_RejectsUnpairedSurrogates_AndOverlongText()
    {
        Assert.Throws<ArgumentException>(() => ForgeSeed.Parse("a\ud800b"));
        Assert.Throws<ArgumentException>(() => ForgeSeed.Parse(new string('x', ForgeSeed.MaxLength + 1)));
    }
}
