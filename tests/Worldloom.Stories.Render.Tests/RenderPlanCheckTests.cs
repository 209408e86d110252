using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Stories.Render.Tests;

public sealed class RenderPlanCheckTests
{
    [Fact]
    public void A_drawable_plan_has_no_problems() => Assert.Empty(RenderPlanCheck.Check(Plans.TwoShots(), Plans.Bible));

    [Fact]
    public void Zero_shots_are_refused()
    {
        var error = Assert.Throws<InvalidShotPlanException>(() => new StoryboardRenderer(Plans.TwoShots() with { Shots = [] }, Plans.Bible, Plans.Small));
        Assert.Equal("shots", Assert.Single(error.Errors).Field);
        Assert.StartsWith("The shot plan cannot be rendered: shots: a segment has 1 to 12 shots; got 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_missing_from_the_bible_are_named_by_path()
    {
        var shot = Plans.TwoShots().Shots[1];
        var plan = Plans.TwoShots() with
        {
            Shots =
            [
                shot with
                {
                    Setting = shot.Setting with { Location = "loc_nowhere" },
                    Subjects = [shot.Subjects[0], shot.Subjects[1] with { Entity = "char_ghost" }],
                    Dialogue = new DialogueLine("beast_dragon", "Roar."),
                    Vista = new Vista("loc_atlantis", Core.Rules.Compass.East),
                },
            ],
        };

        var errors = RenderPlanCheck.Check(plan, Plans.Bible);

        Assert.Equal(
            ["shots[0].setting.location", "shots[0].vista.location", "shots[0].subjects[1].entity", "shots[0].dialogue.speaker"],
            errors.Select(e => e.Field));
        Assert.Equal("char_ghost is not in the scene bible.", errors[2].Message);
        var thrown = Assert.Throws<InvalidShotPlanException>(() => new StoryboardRenderer(plan, Plans.Bible, Plans.Small));
        Assert.Contains("shots[0].subjects[1].entity: char_ghost is not in the scene bible.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_plans_report_the_cores_bounds()
    {
        var shot = Plans.TwoShots().Shots[0];
        var plan = Plans.TwoShots() with { Shots = [shot with { DurationMs = 50, Subjects = [shot.Subjects[0] with { Entity = "Mira!" }] }] };

        var fields = RenderPlanCheck.Check(plan, Plans.Bible).Select(e => e.Field).ToList();

        Assert.Contains("shots[0].durationMs", fields);
        Assert.Contains("shots[0].subjects[0].entity", fields);
    }
}
