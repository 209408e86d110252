using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;
using static Worldloom.Stories.Core.Tests.Documents.ShotPlanJsonTests;

namespace Worldloom.Stories.Core.Tests.Continuity;

public sealed class ContinuityValidatorTests
{
    private static readonly SceneBible Bible = TestBibles.Sample();

    private static ShotSubject Mira(params Garment[] wearing) =>
        new() { Entity = "char_mira", Action = "waits", Wearing = wearing };

    private static ShotPlan AtSegment(int segment, params Shot[] shots) => Plan(shots) with { Segment = segment };

    [Fact]
    public void Validate_ConsistentPlan_PassesUnchanged()
    {
        var plan = AtSegment(2, Shot(Mira(new Garment("cloak", "red"), new Garment("boots", "brown"))));
        var report = ContinuityValidator.Validate(Bible, plan);
        Assert.True(report.Passed);
        Assert.Empty(report.Corrections);
        Assert.Equal(ShotPlanJson.Write(plan), ShotPlanJson.Write(report.Plan));
    }

    [Fact]
    public void Validate_WrongCloakColour_IsCorrectedNamingTheRule()
    {
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot(), Shot(Mira(new Garment("cloak", "blue")))));
        Assert.True(report.Passed);
        var correction = Assert.Single(report.Corrections);
        Assert.Equal(("cloak", 1, "shots[1].subjects[0].wearing[0].colour", "blue", "red"), (correction.Rule, correction.Shot, correction.Path, correction.From, correction.To));
        Assert.Equal("char_mira always wears red cloak", correction.RuleText);
        Assert.Equal("red", report.Plan.Shots[1].Subjects[0].Wearing[0].Colour);
    }

    [Fact]
    public void Validate_WrongBootColour_IsCorrectedFromTheBible()
    {
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot(Mira(new Garment("cloak", "red"), new Garment("boots", "white")))));
        var correction = Assert.Single(report.Corrections);
        Assert.Equal((ContinuityValidator.BibleRule, "brown"), (correction.Rule, correction.To));
    }

    [Fact]
    public void Validate_OutfitWithoutTheRuledCloak_GetsItAdded()
    {
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot(Mira(new Garment("boots", "brown")))));
        var correction = Assert.Single(report.Corrections);
        Assert.Equal(("cloak", "shots[0].subjects[0].wearing[1]", "red cloak"), (correction.Rule, correction.Path, correction.To));
        Assert.Equal(new Garment("cloak", "red"), report.Plan.Shots[0].Subjects[0].Wearing[1]);
    }

    [Fact]
    public void Validate_HandsWithoutTheLocket_GetItAdded()
    {
        var subject = Mira() with { Holding = ["lantern"] };
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot(subject)));
        Assert.Equal(["lantern", "silver locket"], report.Plan.Shots[0].Subjects[0].Holding);
        Assert.Equal("rule_1", Assert.Single(report.Corrections).Rule);
    }

    [Fact]
    public void Validate_WrongHairInTheShot_IsCorrectedByTheAttributeRule()
    {
        var ana = new ShotSubject { Entity = "char_ana", Action = "laughs", Look = TestBibles.Map(("hair", "blonde")) };
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot(ana)));
        var correction = Assert.Single(report.Corrections);
        Assert.Equal(("rule_5", "blonde", "black"), (correction.Rule, correction.From, correction.To));
    }

    [Fact]
    public void Validate_BiomeAgainstTheLocation_IsCorrected()
    {
        var shot = Shot() with { Setting = new ShotSetting { Location = "loc_river", Biome = Biome.Desert } };
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, shot));
        Assert.Equal(Biome.Wetland, report.Plan.Shots[0].Setting.Biome);
        Assert.Equal("shots[0].setting.biome", Assert.Single(report.Corrections).Path);
    }

    [Fact]
    public void Validate_VistaInTheWrongDirection_IsTurnedByTheDirectionRule()
    {
        var fromRiver = Shot() with { Setting = new ShotSetting { Location = "loc_river" }, Vista = new Vista("loc_tower", Compass.East) };
        var fromTower = Shot() with { Vista = new Vista("loc_river", Compass.North) };
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, fromRiver, fromTower));
        Assert.Equal(Compass.North, report.Plan.Shots[0].Vista!.Direction);
        Assert.Equal(Compass.South, report.Plan.Shots[1].Vista!.Direction);
        Assert.All(report.Corrections, c => Assert.Equal("rule_3", c.Rule));
    }

    [Fact]
    public void Validate_DeadCharacterSpeaking_IsAViolationNotACorrection()
    {
        var tomas = new ShotSubject { Entity = "char_tomas", Action = "speaks" };
        var shot = Shot(tomas) with { Dialogue = new DialogueLine("char_tomas", "I am back.") };

        var alive = ContinuityValidator.Validate(Bible, AtSegment(3, shot));
        var dead = ContinuityValidator.Validate(Bible, AtSegment(4, Shot(), shot));

        Assert.True(alive.Passed);
        Assert.False(dead.Passed);
        Assert.Equal(["shots[1].subjects[0].entity", "shots[1].dialogue.speaker"], dead.Violations.Select(v => v.Path));
        Assert.All(dead.Violations, v => Assert.Equal(("rule_4", "char_tomas is dead after segment 3", 1), (v.Rule, v.RuleText, v.Shot)));
        Assert.Empty(dead.Corrections);
    }

    [Fact]
    public void Validate_ForbiddenTerms_AreFoundInEveryText()
    {
        var subject = Mira() with { Action = "loads a musket", Holding = ["pistol"] };
        var shot = Shot(subject) with { Dialogue = new DialogueLine("char_mira", "Hand me the guns!"), Description = "A rifle hangs on the wall." };
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, shot) with { Summary = "Firearms everywhere." });
        Assert.Equal(
            ["shots[0].subjects[0].action", "shots[0].subjects[0].holding[0]", "shots[0].dialogue.text", "shots[0].description", "summary"],
            report.Violations.Select(v => v.Path));
        Assert.All(report.Violations, v => Assert.Equal("rule_2", v.Rule));
        Assert.Null(report.Violations[^1].Shot);
    }

    [Fact]
    public void Validate_ForbiddenTerms_MatchWholeWordsOnly()
    {
        var subject = Mira() with { Action = "greets Gunnar at the gunwale" };
        Assert.True(ContinuityValidator.Validate(Bible, AtSegment(1, Shot(subject))).Passed);
    }

    [Fact]
    public void Validate_KeptApartPair_InOneShot_IsAViolation()
    {
        var shot = Shot(new ShotSubject { Entity = "char_ana", Action = "waits" }, new ShotSubject { Entity = "char_tomas", Action = "waits" });
        var violation = Assert.Single(ContinuityValidator.Validate(Bible, AtSegment(2, shot)).Violations);
        Assert.Equal(("rule_6", "shots[0].subjects[1].entity"), (violation.Rule, violation.Path));
    }

    [Fact]
    public void Validate_UnknownEntitiesAndSilentSpeakers_AreViolations()
    {
        var silent = SceneBible.Create(TestBibles.Entities, [.. TestBibles.ParsedRules(), RuleParser.Parse("beast_wolf never speaks", "mute").Rule!]).Bible!;
        var shot = Shot(new ShotSubject { Entity = "char_ghost", Action = "floats" }) with { Dialogue = new DialogueLine("beast_wolf", "Hello."), Vista = new Vista("loc_nowhere", Compass.West) };
        var report = ContinuityValidator.Validate(silent, AtSegment(1, shot));
        Assert.Equal(
            [("bible", "shots[0].subjects[0].entity"), ("mute", "shots[0].dialogue.speaker"), ("bible", "shots[0].vista.location")],
            report.Violations.Select(v => (v.Rule, v.Path)));
    }

    [Fact]
    public void Validate_WrongKindsOfSubject_AreViolations()
    {
        var wolf = new ShotSubject { Entity = "beast_wolf", Action = "prowls", Wearing = [new Garment("hat", "red")], Look = TestBibles.Map(("hair", "black")) };
        var tower = new ShotSubject { Entity = "loc_tower", Action = "looms" };
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot(wolf, tower)));
        Assert.Equal(
            ["shots[0].subjects[0].look.hair", "shots[0].subjects[0].wearing", "shots[0].subjects[1].entity"],
            report.Violations.Select(v => v.Path));
        Assert.All(report.Violations, v => Assert.Equal(ContinuityValidator.BibleRule, v.Rule));
    }

    [Fact]
    public void Validate_PlanOutOfBounds_ReportsPlanViolations()
    {
        var report = ContinuityValidator.Validate(Bible, AtSegment(1, Shot() with { DurationMs = 10 }));
        var violation = Assert.Single(report.Violations);
        Assert.Equal((ContinuityValidator.PlanRule, 0, "shots[0].durationMs"), (violation.Rule, violation.Shot, violation.Path));
    }

    [Fact]
    public void Validate_UsesTheBibleAsOfThePlansSegment()
    {
        var revived = Bible.Correct(new RemoveRule("rule_4"), 6).Bible!;
        var shot = Shot(new ShotSubject { Entity = "char_tomas", Action = "returns" });
        var atFive = ContinuityValidator.Validate(revived, AtSegment(5, shot));
        var atSix = ContinuityValidator.Validate(revived, AtSegment(6, shot));
        Assert.False(atFive.Passed);
        Assert.Equal(0, atFive.BibleVersion);
        Assert.True(atSix.Passed);
        Assert.Equal(1, atSix.BibleVersion);
    }

    [Fact]
    public void Report_RoundTripsThroughJson()
    {
        var tomas = new ShotSubject { Entity = "char_tomas", Action = "speaks" };
        var plan = AtSegment(5, Shot(Mira(new Garment("cloak", "blue"))), Shot(tomas) with { Dialogue = new DialogueLine("char_tomas", "Hm.") });
        var report = ContinuityValidator.Validate(Bible, plan with { Summary = "A musket fires." });
        var bytes = ContinuityReportJson.Write(report);

        var read = ContinuityReportJson.Read(bytes, out var errors);

        Assert.Empty(errors);
        Assert.Equal(bytes, ContinuityReportJson.Write(read!));
        Assert.Equal(report.Violations, read!.Violations);
        Assert.Equal(report.Corrections, read.Corrections);
        Assert.False(read.Passed);
    }

    [Fact]
    public void Report_WithPassedContradictingViolations_IsRefused()
    {
        var report = ContinuityValidator.Validate(Bible, AtSegment(4, Shot(new ShotSubject { Entity = "char_tomas", Action = "x" })));
        var json = System.Text.Encoding.UTF8.GetString(ContinuityReportJson.Write(report)).Replace("\"passed\":false", "\"passed\":true", StringComparison.Ordinal);
        Assert.Null(ContinuityReportJson.Read(System.Text.Encoding.UTF8.GetBytes(json), out var errors));
        Assert.Equal("passed", Assert.Single(errors).Field);
    }
}
