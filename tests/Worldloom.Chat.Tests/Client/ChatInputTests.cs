using Worldloom.Cli.Chat;

namespace Worldloom.Chat.Tests.Client;

/// <summary>What the terminal client makes of a typed line.</summary>
public sealed class ChatInputTests
{
    [Theory]
    [InlineData("hello there", "hello there")]
    [InlineData("  padded  ", "padded")]
    [InlineData("//not a command", "/not a command")]
    public void PlainText_IsAMessage(string line, string body) => Assert.Equal(new ChatInput.Say(body), ChatInput.Parse(line));

    [Fact]
    public void Commands_Parse()
    {
        Assert.Equal(new ChatInput.Nothing(), ChatInput.Parse("   "));
        Assert.Equal(new ChatInput.Join("AbCd_-12"), ChatInput.Parse("/join AbCd_-12"));
        Assert.Equal(new ChatInput.Direct("bob@example.com"), ChatInput.Parse("/dm bob@example.com"));
        Assert.Equal(new ChatInput.Reply(3, "yes, that"), ChatInput.Parse("/reply 3 yes, that"));
        Assert.Equal(new ChatInput.Edit(12, "fixed"), ChatInput.Parse("/EDIT 12 fixed"));
        Assert.Equal(new ChatInput.React(1, "👍"), ChatInput.Parse("/react 1 👍"));
        Assert.Equal(new ChatInput.Search("dragon lair"), ChatInput.Parse("/search dragon lair"));
        Assert.Equal(new ChatInput.Upload("/tmp/map.png"), ChatInput.Parse("/upload /tmp/map.png"));
        Assert.Equal(new ChatInput.Download(2, "/tmp/in box"), ChatInput.Parse("/download 2 /tmp/in box"));
        Assert.Equal(new ChatInput.Download(3, null), ChatInput.Parse("/download 3"));
        Assert.Equal(new ChatInput.Leave(), ChatInput.Parse("/leave"));
        Assert.Equal(new ChatInput.Quit(), ChatInput.Parse("/quit"));
        Assert.Equal(new ChatInput.ShowHelp(), ChatInput.Parse("/help"));
    }

    [Theory]
    [InlineData("/join")]
    [InlineData("/join two words")]
    [InlineData("/reply x text")]
    [InlineData("/reply 0 text")]
    [InlineData("/reply -1 text")]
    [InlineData("/reply 3")]
    [InlineData("/reply 99999999999999 text")]
    [InlineData("/edit 2   ")]
    [InlineData("/react 1 two emoji")]
    [InlineData("/search")]
    [InlineData("/dm")]
    [InlineData("/frobnicate")]
    [InlineData("/download")]
    [InlineData("/download x")]
    [InlineData("/download 0 here")]
    public void BadCommands_SayWhy(string line) => Assert.IsType<ChatInput.Invalid>(ChatInput.Parse(line));
}
