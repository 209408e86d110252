using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;

namespace Worldloom.Stories.Core.Tests.Bible;

public sealed class SceneBibleTests
{
    private static StoryRule Rule(string text, string id = "r") => RuleParser.Parse(text, id).Rule!;

    [Fact]
    public void Create_ConsistentBible_Succeeds()
    {
        var bible = TestBibles.Sample();
        Assert.Equal(0, bible.Version);
        Assert.Equal(7, bible.Latest.Entities.Count);
        Assert.Equal("beast_wolf", bible.Latest.Entities[0].Id);
    }

    [Fact]
    public void Create_RuleAgainstClothing_NamesTheRuleAndTheEntity()
    {
        var mira = TestBibles.Mira with { Clothing = [new Garment("cloak", "blue")] };
        var result = SceneBible.Create([mira], [Rule("char_mira always wears red cloak", "cloak")]);
        Assert.Null(result.Bible);
        var error = Assert.Single(result.Errors);
        Assert.Equal("rules.cloak", error.Field);
        Assert.Contains("blue cloak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RuleNamingMissingEntity_IsRefused()
    {
        var result = SceneBible.Create([TestBibles.Tower], [Rule("loc_tower is north of loc_river", "geo")]);
        Assert.Contains(result.Errors, e => e.Field == "rules.geo" && e.Message.Contains("loc_river", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_DirectionCycle_IsRefused()
    {
        var hill = new BibleEntity { Id = "loc_hill", Name = "Hill" };
        var result = SceneBible.Create(
            [TestBibles.Tower, TestBibles.River, hill],
            [Rule("loc_tower is north of loc_river", "a"), Rule("loc_river is northeast of loc_hill", "b"), Rule("loc_hill is north of loc_tower", "c")]);
        var error = Assert.Single(result.Errors);
        Assert.Contains("contradict", error.Message, StringComparison.Ordinal);
        Assert.Contains("loc_hill is north of loc_tower", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MirroredDirectionsThatAgree_AreFine()
    {
        var result = SceneBible.Create(
            [TestBibles.Tower, TestBibles.River],
            [Rule("loc_tower is north of loc_river", "a"), Rule("loc_river is south of loc_tower", "b")]);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Create_BadEntity_ReportsEachFieldByPath()
    {
        var bad = TestBibles.Tower with { Clothing = [new Garment("cloak", "red")], Palette = ["mauve"], Attributes = TestBibles.Map(("hair", "black")) };
        var result = SceneBible.Create([bad], []);
        Assert.Equal(
            ["entities.loc_tower.attributes.hair", "entities.loc_tower.palette[0]", "entities.loc_tower.clothing"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Correct_AppliesFromItsSegmentOnly()
    {
        var bible = TestBibles.Sample();
        var blonde = TestBibles.Tomas with { Attributes = TestBibles.Map(("hair", "blonde"), ("pronouns", "he")) };
        var corrected = bible.Correct(new PutEntity(blonde), 4);
        Assert.Empty(corrected.Errors);
        var next = corrected.Bible!;
        Assert.Equal(1, next.Version);
        Assert.Equal("auburn", next.AsOf(3).Entity("char_tomas")!.Attribute("hair"));
        Assert.Equal("blonde", next.AsOf(4).Entity("char_tomas")!.Attribute("hair"));
        Assert.Equal(0, next.AsOf(3).Version);
        Assert.Equal(1, next.AsOf(9).Version);
        Assert.Equal("auburn", bible.Latest.Entity("char_tomas")!.Attribute("hair"));
    }

    [Fact]
    public void Correct_BreakingARule_ChangesNothing()
    {
        var bible = TestBibles.Sample();
        var blonde = TestBibles.Ana with { Attributes = TestBibles.Map(("hair", "blonde")) };
        var result = bible.Correct(new PutEntity(blonde), 2);
        Assert.Null(result.Bible);
        Assert.Contains(result.Errors, e => e.Field == "rules.rule_5" && e.Message.StartsWith("in segment 2:", StringComparison.Ordinal));
        Assert.Equal(0, bible.Version);
    }

    [Fact]
    public void Correct_RemovingAnEntityARuleNames_IsRefusedUntilTheRuleGoes()
    {
        var bible = TestBibles.Sample();
        Assert.NotEmpty(bible.Correct(new RemoveEntity("char_ana"), 2).Errors);
        var withoutRules = bible.Correct(new RemoveRule("rule_5"), 2).Bible!.Correct(new RemoveRule("rule_6"), 2).Bible!;
        var removed = withoutRules.Correct(new RemoveEntity("char_ana"), 2);
        Assert.Empty(removed.Errors);
        Assert.NotNull(removed.Bible!.AsOf(1).Entity("char_ana"));
        Assert.Null(removed.Bible.AsOf(2).Entity("char_ana"));
    }

    [Fact]
    public void Correct_ReachesLaterStatesToo()
    {
        // v1 from segment 5 adds a rule about Ana's hair colour being black; v2 from segment 2 turns her blonde:
        // segment 5 would then break v1's rule, so v2 is refused although segment 2 alone is fine.
        var bible = SceneBible.Create([TestBibles.Ana], []).Bible!;
        var v1 = bible.Correct(new PutRule(Rule("char_ana hair is black", "hair")), 5).Bible!;
        var v2 = v1.Correct(new PutEntity(TestBibles.Ana with { Attributes = TestBibles.Map(("hair", "blonde")) }), 2);
        Assert.Null(v2.Bible);
        Assert.Contains(v2.Errors, e => e.Message.StartsWith("in segment 5:", StringComparison.Ordinal));
    }

    [Fact]
    public void Correct_BadSegmentOrMissingTarget_IsRefused()
    {
        var bible = TestBibles.Sample();
        Assert.Equal("fromSegment", Assert.Single(bible.Correct(new RemoveRule("rule_1"), 0).Errors).Field);
        Assert.Equal("edit.id", Assert.Single(bible.Correct(new RemoveRule("nope"), 1).Errors).Field);
        Assert.Equal("edit.id", Assert.Single(bible.Correct(new RemoveEntity("char_nobody"), 1).Errors).Field);
    }

    [Fact]
    public void EntityIds_FromName_MakesWellFormedIds()
    {
        Assert.Equal("char_mira_vell", EntityIds.FromName(EntityKind.Character, "Mira  Vell!", "npc_1"));
        Assert.Equal("loc_settlement_3", EntityIds.FromName(EntityKind.Location, "—", "settlement_3"));
        Assert.True(EntityIds.IsValid(EntityIds.FromName(EntityKind.Prop, new string('a', 200), "x")));
        Assert.Null(EntityIds.KindOf("char_Mira"));
        Assert.Null(EntityIds.KindOf("npc_mira"));
        Assert.Equal(EntityKind.Creature, EntityIds.KindOf("beast_wolf"));
    }
}
