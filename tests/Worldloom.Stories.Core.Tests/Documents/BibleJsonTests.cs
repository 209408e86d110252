using System.Text;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Tests.Documents;

public sealed class BibleJsonTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameBytesAndStates()
    {
        var bible = TestBibles.Sample()
            .Correct(new PutEntity(TestBibles.Tomas with { Clothing = [new Garment("coat", "grey")] }), 3).Bible!
            .Correct(new PutRule(RuleParser.Parse("no dragons", "dragons").Rule!), 2).Bible!;
        var bytes = BibleJson.Write(bible);

        var read = BibleJson.Read(bytes, out var errors);

        Assert.Empty(errors);
        Assert.Equal(bytes, BibleJson.Write(read!));
        Assert.Equal(2, read!.Version);
        Assert.Equal("grey", read.AsOf(3).Entity("char_tomas")!.Clothing[0].Colour);
        Assert.Equal("green", read.AsOf(2).Entity("char_tomas")!.Clothing[0].Colour);
        Assert.Contains(read.AsOf(2).Rules, r => r.Id == "dragons");
    }

    [Fact]
    public void Write_IsCanonical()
    {
        var text = Encoding.UTF8.GetString(BibleJson.Write(SceneBible.Create([TestBibles.Key], []).Bible!));
        Assert.Equal(
            """{"changes":[],"entities":[{"aliases":["the key"],"attributes":{"colour":"gold","material":"brass"},"id":"prop_key","name":"Brass Key"}],"format":"worldloom-bible/1","rules":[]}""",
            text);
    }

    [Theory]
    [InlineData("""{"entities":[],"format":"worldloom-bible/1","rules":[],"extra":1}""", "extra", "unknown field")]
    [InlineData("""{"entities":[{"id":"char_x","name":"X","clothing":[{"item":"cloak","colour":"mauve"}]}],"format":"worldloom-bible/1","rules":[]}""", "entities[0].clothing[0].colour", "no colour")]
    [InlineData("""{"entities":[{"id":"x","name":"X"}],"format":"worldloom-bible/1","rules":[]}""", "entities[0].id", "is not an entity id")]
    [InlineData("""{"entities":[],"format":"worldloom-bible/1","rules":[{"id":"r","text":"char_mira always wears"}]}""", "rules[0].text", "line 1, column 23")]
    [InlineData("""{"entities":[],"format":"worldloom-bible/1","rules":[{"id":"R!","text":"no guns"}]}""", "rules[0].id", "no rule id")]
    [InlineData("""{"entities":[],"format":"worldloom-bible/2","rules":[]}""", "format", "unknown format")]
    [InlineData("""{"entities":[],"format":"worldloom-bible/1","rules":[{"id":"r","text":"no guns"}],"changes":[{"version":1,"fromSegment":2,"edit":{"kind":"recolour"}}]}""", "changes[0].edit.kind", "unknown edit")]
    [InlineData("""{"entities":[],"format":"worldloom-bible/1","rules":[{"id":"r","text":"no guns"}],"changes":[{"version":2,"fromSegment":2,"edit":{"kind":"remove_rule","id":"r"}}]}""", "changes[0].version", "must be 1")]
    [InlineData("""{"entities":[],"format":"worldloom-bible/1","rules":[{"id":"r","text":"loc_a is north of loc_b"}]}""", "rules.r", "does not hold")]
    [InlineData("""{"entities":[],"entities":[],"format":"worldloom-bible/1","rules":[]}""", "entities", "twice")]
    [InlineData("""not json""", "", "not JSON")]
    public void Read_BadDocument_NamesThePath(string json, string path, string message)
    {
        var bible = BibleJson.Read(Encoding.UTF8.GetBytes(json), out var errors);
        Assert.Null(bible);
        Assert.Contains(errors, e => e.Field == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AFullHistoryOfCorrections_RoundTrips()
    {
        var bible = SceneBible.Create([TestBibles.Tomas], []).Bible!;
        var colours = new[] { "green", "grey", "navy", "tan" };
        for (var i = 0; i < SceneBible.MaxChanges; i++)
        {
            var next = bible.Correct(new PutEntity(TestBibles.Tomas with { Clothing = [new Garment("coat", colours[i % colours.Length])] }), 1 + (i * 7 % 300));
            Assert.Empty(next.Errors);
            bible = next.Bible!;
        }

        Assert.NotEmpty(bible.Correct(new RemoveRule("x"), 1).Errors);
        var bytes = BibleJson.Write(bible);
        var read = BibleJson.Read(bytes, out var errors);
        Assert.Empty(errors);
        Assert.Equal(bytes, BibleJson.Write(read!));
        Assert.Equal(BibleJson.WriteEntity(bible.AsOf(150).Entity("char_tomas")!), BibleJson.WriteEntity(read!.AsOf(150).Entity("char_tomas")!));
    }

    [Fact]
    public void ReadCorrection_ReadsAClientsEdit()
    {
        var json = """{"edit":{"kind":"put_rule","rule":{"id":"bows","text":"no bows"}},"fromSegment":4}""";
        var change = BibleJson.ReadCorrection(Encoding.UTF8.GetBytes(json), out var errors);
        Assert.Empty(errors);
        Assert.Equal(4, change!.FromSegment);
        var corrected = TestBibles.Sample().Correct(change.Edit, change.FromSegment).Bible!;
        Assert.Contains(corrected.AsOf(4).Rules, r => r.Id == "bows");

        Assert.Null(BibleJson.ReadCorrection(Encoding.UTF8.GetBytes("""{"edit":{"kind":"put_rule","rule":{"id":"bows","text":"no"}},"fromSegment":0,"version":3}"""), out errors));
        Assert.Equal(["edit.rule.text", "fromSegment", "version"], errors.Select(e => e.Field));
    }

    [Fact]
    public void WriteState_ShowsOneSegmentsBible()
    {
        var bible = TestBibles.Sample().Correct(new RemoveRule("rule_2"), 3).Bible!;
        var early = System.Text.Encoding.UTF8.GetString(BibleJson.WriteState(bible.AsOf(2)));
        var late = System.Text.Encoding.UTF8.GetString(BibleJson.WriteState(bible.AsOf(3)));
        Assert.Contains("no firearms", early, StringComparison.Ordinal);
        Assert.DoesNotContain("no firearms", late, StringComparison.Ordinal);
        Assert.EndsWith("\"version\":1}", late, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyBadFields_ReportsThemAll()
    {
        var json = """{"entities":[{"id":"char_x","name":"","hair":"black"},{"id":"loc_y","name":"Y","palette":["mauve"]}],"format":"worldloom-bible/1","rules":[]}""";
        BibleJson.Read(Encoding.UTF8.GetBytes(json), out var errors);
        Assert.Contains(errors, e => e.Field == "entities[0].hair");
        Assert.Contains(errors, e => e.Field == "entities[1].palette[0]");
    }
}
