namespace Worldloom.Chat.Tests.Rules;

public sealed class ChatRulesTests
{
    [Theory]
    [InlineData("👍", true)]
    [InlineData("🏳️‍🌈", true)]
    [InlineData("+1", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData(" ", false)]
    [InlineData("a b", false)]
    [InlineData("\u0000", false)]
    [InlineData("\u200B\u0085", false)]
    [InlineData("12345678901234567", false)]
    public void IsEmoji(string? emoji, bool expected) => Assert.Equal(expected, ChatRules.IsEmoji(emoji));

    [Theory]
    [InlineData("a", true)]
    [InlineData("A-z_09", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.ted", false)]
    [InlineData("é", false)]
    [InlineData("a\n", false)]
    public void ClientIdPattern(string clientId, bool expected) => Assert.Equal(expected, ChatRules.ClientIdPattern().IsMatch(clientId));
}
