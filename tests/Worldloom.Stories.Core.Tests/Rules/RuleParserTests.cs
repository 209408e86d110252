using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Tests.Rules;

public sealed class RuleParserTests
{
    [Fact]
    public void Parse_Wears_ReadsColourAndGarment()
    {
        var rule = Assert.IsType<AlwaysWearsRule>(RuleParser.Parse("char_mira always wears her red cloak", "r").Rule);
        Assert.Equal(("char_mira", "red", "cloak"), (rule.EntityId, rule.Colour, rule.Item));
        Assert.Equal("char_mira always wears her red cloak", rule.Text);
    }

    [Fact]
    public void Parse_WearsWithoutColour_KeepsWholeGarment()
    {
        var rule = Assert.IsType<AlwaysWearsRule>(RuleParser.Parse("char_mira always wears leather boots", "r").Rule);
        Assert.Null(rule.Colour);
        Assert.Equal("leather boots", rule.Item);
    }

    [Fact]
    public void Parse_Forbid_SplitsTermsAndExpandsCategories()
    {
        var rule = Assert.IsType<ForbiddenTermsRule>(RuleParser.Parse("no firearms, \"mobile phones\" or dragons", "r").Rule);
        Assert.Equal(["firearms", "mobile phones", "dragons"], rule.Terms);
        Assert.Contains("musket", rule.Phrases);
        Assert.Contains("dragons", rule.Phrases);
    }

    [Theory]
    [InlineData("loc_tower is north of loc_river", Compass.North)]
    [InlineData("loc_tower is north-east of loc_river", Compass.NorthEast)]
    [InlineData("loc_tower is southwest of loc_river", Compass.SouthWest)]
    public void Parse_Direction_ReadsCompass(string text, Compass expected)
    {
        var rule = Assert.IsType<DirectionRule>(RuleParser.Parse(text, "r").Rule);
        Assert.Equal(("loc_tower", expected, "loc_river"), (rule.EntityId, rule.Direction, rule.OtherId));
    }

    [Theory]
    [InlineData("char_tomas is dead after segment 3", 3)]
    [InlineData("char_tomas dies in segment 7", 7)]
    [InlineData("char_tomas is dead", 0)]
    public void Parse_Death_ReadsLastLivingSegment(string text, int after)
    {
        var rule = Assert.IsType<DeathRule>(RuleParser.Parse(text, "r").Rule);
        Assert.Equal(after, rule.AfterSegment);
        Assert.False(rule.IsDeadIn(after));
        Assert.True(rule.IsDeadIn(after + 1));
    }

    [Fact]
    public void Parse_OtherForms_GiveTheirRules()
    {
        Assert.IsType<ApartRule>(RuleParser.Parse("char_mira never appears with char_tomas", "r").Rule);
        Assert.IsType<SilentRule>(RuleParser.Parse("beast_wolf never speaks", "r").Rule);
        Assert.IsType<AlwaysCarriesRule>(RuleParser.Parse("char_mira always carries a silver locket", "r").Rule);
        var attribute = Assert.IsType<AttributeRule>(RuleParser.Parse("char_ana's hair is black", "r").Rule);
        Assert.Equal(("char_ana", "hair", "black"), (attribute.EntityId, attribute.Attribute, attribute.Value));
    }

    [Theory]
    [InlineData("char_mira always wears", 23, "a colour or a garment")]
    [InlineData("char_mira always wears red", 27, "a garment after \"red\"")]
    [InlineData("char_mira always flies", 18, "\"wears\" or \"carries\"")]
    [InlineData("mira always wears red cloak", 1, "an entity id")]
    [InlineData("loc_tower is up of loc_river", 14, "\"dead\" or a direction")]
    [InlineData("loc_tower is north loc_river", 20, "\"of\"")]
    [InlineData("char_tomas is dead after segment three", 34, "a segment number")]
    [InlineData("char_ana hair is purplish", 18, "a valid value")]
    [InlineData("no", 3, "a forbidden term")]
    [InlineData("no guns; swords", 8, "a word, a quoted term")]
    [InlineData("no \"guns", 9, "a closing quote")]
    [InlineData("char_tomas is dead and buried", 20, "the end of the rule")]
    public void Parse_BadRule_SaysWhereAndWhatWasExpected(string text, int column, string expected)
    {
        var result = RuleParser.Parse(text, "r");
        Assert.Null(result.Rule);
        Assert.Equal(1, result.Error!.Line);
        Assert.Equal(column, result.Error.Column);
        Assert.StartsWith(expected, result.Error.Expected, StringComparison.Ordinal);
        Assert.Contains($"column {column}", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("loc_tower always wears red cloak", "a character")]
    [InlineData("char_mira is north of loc_river", "a location")]
    [InlineData("loc_tower is dead", "a character or creature")]
    [InlineData("prop_key hair is black", "a valid value")]
    public void Parse_WrongKind_IsRefusedAtTheEntity(string text, string expected)
    {
        var result = RuleParser.Parse(text, "r");
        Assert.Null(result.Rule);
        Assert.StartsWith(expected, result.Error!.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSet_NumbersLinesSkipsCommentsAndHonoursLabels()
    {
        var result = RuleParser.ParseSet("""
            # the rules of the tower
            no firearms

            cloak: char_mira always wears red cloak   # her signature
            char_tomas is dead after segment 3
            char_mira always wears
            cloak: no swords
            """);
        Assert.Equal(["rule_1", "cloak", "rule_2"], result.Rules.Select(r => r.Id));
        Assert.Equal("char_mira always wears red cloak", result.Rules[1].Text);
        Assert.Equal([6, 7], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void ParseSet_NumberedIdsSkipLabelsAlreadyTaken()
    {
        var result = RuleParser.ParseSet("rule_1: no guns\nno swords\nrule_3: no bows\nno axes");
        Assert.Equal(["rule_1", "rule_2", "rule_3", "rule_4"], result.Rules.Select(r => r.Id));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_TooLong_IsRefused()
    {
        var result = RuleParser.Parse("no " + new string('x', 300), "r");
        Assert.Null(result.Rule);
        Assert.Contains("at most 200", result.Error!.Expected, StringComparison.Ordinal);
    }
}
