using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Tests.Narration;

public sealed class GrammarNarratorTests
{
    private static readonly SceneBible Bible = TestBibles.Sample();
    private static readonly GrammarNarrator Narrator = new();

    private static ShotPlan Narrate(string prompt, ulong seed, int segment = 1, string summary = "", SceneBible? bible = null)
    {
        var result = Narrator.Narrate(new NarrationRequest { Bible = bible ?? Bible, Segment = segment, Prompt = prompt, Seed = seed, PreviousSummary = summary });
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Plan!;
    }

    [Fact]
    public void Narrate_SameRequest_GivesTheSameBytes()
    {
        var a = ShotPlanJson.Write(Narrate("Mira climbs the tower at dusk", 42));
        var b = ShotPlanJson.Write(Narrate("Mira climbs the tower at dusk", 42));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Narrate_ReadsWhoWhereAndWhenFromThePrompt()
    {
        var plan = Narrate("Mira climbs the tower at dusk", 7);
        Assert.All(plan.Shots, s => Assert.Equal("loc_tower", s.Setting.Location));
        Assert.All(plan.Shots, s => Assert.Equal(TimeOfDay.Dusk, s.Setting.Time));
        var key = plan.Shots.SelectMany(s => s.Subjects).First(s => s.Action.StartsWith("climbs", StringComparison.Ordinal));
        Assert.Equal("char_mira", key.Entity);
        Assert.Equal("climbs the tower at dusk", key.Action);
        Assert.Contains("Mira", plan.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Narrate_ASpeakerInThePrompt_GetsALine()
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var plan = Narrate("Ana asks Mira about the key", seed);
            Assert.Contains(plan.Shots, s => s.Dialogue?.Speaker == "char_ana");
            Assert.Contains(plan.Shots, s => s.Subjects.Any(x => x.Entity == "prop_key"));
        }
    }

    [Fact]
    public void Narrate_FiftySeeds_GiveVariedPlans()
    {
        var structures = new HashSet<string>();
        var lines = new HashSet<string>();
        var spoken = 0;
        var descriptions = new HashSet<string>();
        var cameras = new HashSet<CameraMove>();
        for (ulong seed = 0; seed < 50; seed++)
        {
            var plan = Narrate("Mira and Ana search the old tower", seed);
            structures.Add(string.Join(' ', plan.Shots.Select(s => $"{s.Camera}/{s.Subjects.Count}/{s.Dialogue is not null}")));
            foreach (var shot in plan.Shots)
            {
                if (shot.Dialogue is { } line)
                {
                    lines.Add(line.Text);
                    spoken++;
                }

                descriptions.Add(shot.Description);
                cameras.Add(shot.Camera);
            }
        }

        Assert.True(structures.Count >= 40, $"only {structures.Count} distinct shot sequences in 50 seeds");
        Assert.True(spoken >= 50 && lines.Count * 10 >= spoken * 9, $"only {lines.Count} distinct dialogue lines of {spoken} in 50 seeds");
        Assert.True(descriptions.Count >= 100, $"only {descriptions.Count} distinct descriptions in 50 seeds");
        Assert.Equal(Enum.GetValues<CameraMove>().Length, cameras.Count);
    }

    [Fact]
    public void Narrate_DifferentSegmentOrPrompt_DrawsAfresh()
    {
        var first = ShotPlanJson.Write(Narrate("Mira waits", 3, segment: 1));
        Assert.NotEqual(first, ShotPlanJson.Write(Narrate("Mira waits", 3, segment: 2)));
        Assert.NotEqual(first, ShotPlanJson.Write(Narrate("Mira waits", 4, segment: 1)));
    }

    [Theory]
    [InlineData("Mira climbs the tower at dusk")]
    [InlineData("Ana and Mira argue by the river in the rain")]
    [InlineData("The wolf hunts near the river at night")]
    [InlineData("Mira finds the key")]
    [InlineData("A storm over the desert")]
    [InlineData("something happens")]
    [InlineData("Tomas and Mira celebrate at the tower")]
    public void Narrate_ConsistentBible_PassesTheValidatorForEverySeed(string prompt)
    {
        for (ulong seed = 0; seed < 40; seed++)
        {
            var plan = Narrate(prompt, seed, segment: 2);
            var report = ContinuityValidator.Validate(Bible, plan);
            Assert.True(report.Passed, $"seed {seed}: {string.Join("; ", report.Violations.Select(v => v.Message))}");
            Assert.Empty(report.Corrections);
        }
    }

    [Fact]
    public void Narrate_ContinuingWithoutNames_KeepsTheCastAndPlaceOfTheSummary()
    {
        var first = Narrate("Mira and Ana meet at the river", 11);
        for (ulong seed = 0; seed < 10; seed++)
        {
            var next = Narrate("they keep going", seed, segment: 2, summary: first.Summary);
            Assert.All(next.Shots, s => Assert.Equal("loc_river", s.Setting.Location));
            var cast = next.Shots.SelectMany(s => s.Subjects).Select(s => s.Entity).Where(e => e.StartsWith("char_", StringComparison.Ordinal)).ToHashSet();
            Assert.Subset(new HashSet<string> { "char_mira", "char_ana" }, cast);
        }
    }

    [Fact]
    public void Narrate_NeverVolunteersTheDeadOrKeptApartPairs()
    {
        for (ulong seed = 0; seed < 60; seed++)
        {
            var plan = Narrate("the night is long", seed, segment: 5);
            var entities = plan.Shots.SelectMany(s => s.Subjects.Select(x => x.Entity)).ToHashSet();
            Assert.DoesNotContain("char_tomas", entities);
            Assert.True(ContinuityValidator.Validate(Bible, plan).Passed);
        }
    }

    [Fact]
    public void Narrate_PromptContradictingTheBible_IsCaughtByTheValidator()
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var plan = Narrate("Tomas speaks to Mira at the tower", seed, segment: 5);
            Assert.Contains(plan.Shots, s => s.Dialogue?.Speaker == "char_tomas");

            var report = ContinuityValidator.Validate(Bible, plan);

            Assert.False(report.Passed);
            Assert.Contains(report.Violations, v => v.Rule == "rule_4" && v.Path.EndsWith("dialogue.speaker", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Narrate_ForbiddenWordsOfItsOwn_AreAvoided()
    {
        // Forbid words the grammar likes to use; the narrator must draw around them.
        var strict = SceneBible.Create(TestBibles.Entities, [.. TestBibles.ParsedRules(), RuleParser.Parse("no breath, light, quiet, shadow, wind", "words").Rule!]).Bible!;
        for (ulong seed = 0; seed < 40; seed++)
        {
            var plan = Narrate("Mira and Ana wait at the tower", seed, bible: strict);
            var report = ContinuityValidator.Validate(strict, plan);
            Assert.True(report.Passed, $"seed {seed}: {string.Join("; ", report.Violations.Select(v => v.Message))}");
        }
    }

    [Fact]
    public void Narrate_SilentLoneCharacter_IsNeverGivenALine()
    {
        var mute = SceneBible.Create([TestBibles.Tomas with { Temperament = [] }], [RuleParser.Parse("char_tomas never speaks", "mute").Rule!]).Bible!;
        for (ulong seed = 0; seed < 30; seed++)
        {
            var plan = Narrate("Tomas waits by the sea", seed, bible: mute);
            Assert.All(plan.Shots, s => Assert.Null(s.Dialogue));
            Assert.DoesNotContain(plan.Shots, s => s.Description.Contains("speaks", StringComparison.Ordinal));
            Assert.True(ContinuityValidator.Validate(mute, plan).Passed);
        }
    }

    [Fact]
    public void Narrate_EmptyBible_StillTellsTheScene()
    {
        var empty = SceneBible.Create([], []).Bible!;
        var plan = Narrate("A caravan crosses the desert at dawn", 5, bible: empty);
        Assert.All(plan.Shots, s => Assert.Equal(Forge.Core.World.Biome.Desert, s.Setting.Biome));
        Assert.Contains(plan.Shots, s => s.Description.Contains("caravan crosses", StringComparison.Ordinal));
        Assert.True(ContinuityValidator.Validate(empty, plan).Passed);
    }

    [Fact]
    public void Narrate_Plans_StayInsideTheLimits()
    {
        for (ulong seed = 0; seed < 30; seed++)
        {
            var plan = Narrate("Mira, Ana and the wolf run from the tower to the river while Ana shouts", seed);
            Assert.Empty(ShotPlanLimits.Check(plan));
            Assert.InRange(plan.DurationMs, 6000, 16000);
        }
    }

    [Theory]
    [InlineData(3000)]
    [InlineData(4500)]
    [InlineData(10000)]
    [InlineData(30000)]
    public void Narrate_FitsTheTargetDuration_WithinTheJitter(int target)
    {
        var empty = SceneBible.Create([], []).Bible!;
        foreach (var (prompt, bible) in new[] { ("Mira, Ana and the wolf run from the tower while Ana shouts and Mira says no", Bible), ("A caravan crosses the desert", empty) })
        {
            for (ulong seed = 0; seed < 30; seed++)
            {
                var result = Narrator.Narrate(new NarrationRequest { Bible = bible, Segment = 1, Prompt = prompt, Seed = seed, TargetDurationMs = target });
                var plan = result.Plan!;
                Assert.Empty(ShotPlanLimits.Check(plan));
                // Each shot's share of the target is jittered by at most an eighth, so the segment is at most that long.
                Assert.InRange(plan.DurationMs, 1, target + (target / 8));
                Assert.Contains(plan.Shots, s => s.Subjects.Count > 0 || s.Description.Contains("caravan", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Narrate_LongestNames_StillFitTheBounds()
    {
        var name = new string('a', 79);
        var people = Enumerable.Range(0, 3).Select(i => new BibleEntity { Id = $"char_p{i}", Name = $"{(char)('A' + i)}{name}" });
        var place = new BibleEntity { Id = "loc_long", Name = "T" + name, Landmarks = [new string('b', 40)], Attributes = TestBibles.Map(("biome", "taiga")) };
        var bible = SceneBible.Create([.. people, place], []).Bible!;
        for (ulong seed = 0; seed < 30; seed++)
        {
            var plan = Narrate($"A{name}, B{name} and C{name} meet in T{name} and talk", seed, bible: bible);
            Assert.Empty(ShotPlanLimits.Check(plan));
        }
    }

    [Fact]
    public void Narrate_BadRequest_FailsWithFieldNames()
    {
        var result = Narrator.Narrate(new NarrationRequest { Bible = Bible, Segment = 0, Prompt = " ", TargetDurationMs = 100 });
        Assert.False(result.Succeeded);
        Assert.Equal(NarrationFailureKind.InvalidRequest, result.Failure!.Kind);
        Assert.Equal(["prompt", "segment", "targetDurationMs"], result.Failure.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task NarrateAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        INarrator narrator = Narrator;
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            narrator.NarrateAsync(new NarrationRequest { Bible = Bible, Segment = 1, Prompt = "x" }, cancelled.Token));
    }

    [Fact]
    public void Grammar_IsBroad()
    {
        Assert.True(NarratorGrammar.Instance.ProductionCount >= 500, $"{NarratorGrammar.Instance.ProductionCount} productions");
    }
}
