using Worldloom.Chat.Search;
using Worldloom.Platform.Problems;

namespace Worldloom.Chat.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("dragon", new[] { "dragon" })]
    [InlineData("  red   dragon ", new[] { "red", "dragon" })]
    [InlineData("\"dragon", new[] { "dragon" })]
    [InlineData("dragon*", new[] { "dragon" })]
    [InlineData("-dragon ^red", new[] { "dragon", "red" })]
    [InlineData("NEAR(dragon, red)", new[] { "NEAR", "dragon", "red" })]
    [InlineData("dragon OR red NOT blue", new[] { "dragon", "OR", "red", "NOT", "blue" })]
    [InlineData("Body:dragon {Body}", new[] { "Body", "dragon", "Body" })]
    [InlineData("don't", new[] { "don", "t" })]
    [InlineData("café crème", new[] { "café", "crème" })]
    [InlineData("東京タワー", new[] { "東京タワー" })]
    [InlineData("v2 3.14", new[] { "v2", "3", "14" })]
    [InlineData("🐉dragon🔥", new[] { "dragon" })]
    [InlineData("a'b&c|d!e:*f", new[] { "a", "b", "c", "d", "e", "f" })]
    public void Parse_KeepsOnlyWords(string q, string[] words)
    {
        var v = new Validation();

        var query = SearchQuery.Parse(q, v);

        Assert.False(v.Failed);
        Assert.Equal(words, query!.Words);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("\"*^-()")]
    [InlineData("🐉🔥")]
    [InlineData("''")]
    public void Parse_NothingToSearch_FailsOnQ(string? q)
    {
        var v = new Validation();

        Assert.Null(SearchQuery.Parse(q, v));
        Assert.True(v.Failed);
    }

    [Fact]
    public void Parse_LongerThan200_Fails_200Passes()
    {
        var v = new Validation();
        Assert.Null(SearchQuery.Parse(new string('a', SearchQuery.MaxLength + 1), v));
        Assert.True(v.Failed);

        var ok = new Validation();
        Assert.NotNull(SearchQuery.Parse(new string('a', SearchQuery.MaxLength), ok));
        Assert.False(ok.Failed);
    }

    [Fact]
    public void ToFts5Match_QuotesEveryWord_AndPrefixesTheLast()
    {
        var query = SearchQuery.Parse("NEAR(red \"drag", new Validation())!;

        Assert.Equal("\"NEAR\" \"red\" \"drag\"*", query.ToFts5Match());
    }

    [Fact]
    public void ToTsQuery_QuotesEveryWord_JoinsWithAnd_AndPrefixesTheLast()
    {
        var query = SearchQuery.Parse("red & !drag", new Validation())!;

        Assert.Equal("'red' & 'drag':*", query.ToTsQuery());
    }

    [Fact]
    public void OneLetterLastWord_IsNotAPrefix()
    {
        var query = SearchQuery.Parse("red d", new Validation())!;

        Assert.False(query.LastIsPrefix);
        Assert.Equal("\"red\" \"d\"", query.ToFts5Match());
        Assert.Equal("'red' & 'd'", query.ToTsQuery());
    }
}
