using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Stories.Render.Tests;

public sealed class TimelineTests
{
    [Fact]
    public void Shot_boundaries_round_from_running_time_so_errors_do_not_add_up()
    {
        var shot = Plans.TwoShots().Shots[0];
        var plan = Plans.TwoShots() with { Shots = [shot with { DurationMs = 1030 }, shot with { DurationMs = 1030 }, shot with { DurationMs = 1030 }] };
        var timeline = new Timeline(plan, 24, 0);

        Assert.Equal([0, 25, 49, 74], Enumerable.Range(0, 4).Select(i => i < 3 ? timeline.StartOf(i) : timeline.TotalFrames));
        Assert.Equal(74, timeline.TotalFrames);
        Assert.Equal(0, timeline.ShotAt(24));
        Assert.Equal(1, timeline.ShotAt(25));
        Assert.Equal(2, timeline.ShotAt(73));
    }

    [Fact]
    public void A_change_of_place_or_light_crossfades_and_the_same_setting_cuts()
    {
        var plan = Plans.TwoShots();
        Assert.Equal(Transition.Crossfade, Timeline.Between(plan.Shots[0], plan.Shots[1]));
        Assert.Equal(Transition.Cut, Timeline.Between(plan.Shots[0], plan.Shots[0] with { Camera = CameraMove.ZoomOut }));
        Assert.Equal(Transition.Crossfade, Timeline.Between(plan.Shots[0], plan.Shots[0] with { Setting = plan.Shots[0].Setting with { Time = TimeOfDay.Night } }));
    }

    [Fact]
    public void A_crossfade_straddles_the_boundary_and_rises()
    {
        var timeline = new Timeline(Plans.TwoShots(), 24, 500);
        Assert.Null(timeline.FadeAt(40));
        Assert.Null(timeline.FadeAt(41));
        var fades = Enumerable.Range(42, 12).Select(f => timeline.FadeAt(f)).ToList();
        Assert.All(fades, f => Assert.Equal(0, f!.Value.Outgoing));
        Assert.Equal(fades.Select(f => f!.Value.Incoming).Order(), fades.Select(f => f!.Value.Incoming));
        Assert.InRange(fades[0]!.Value.Incoming, 0.01f, 0.1f);
        Assert.InRange(fades[^1]!.Value.Incoming, 0.9f, 0.99f);
        Assert.Null(timeline.FadeAt(54));

        var cut = new Timeline(Plans.TwoShots() with { Shots = [Plans.TwoShots().Shots[0], Plans.TwoShots().Shots[0]] }, 24, 500);
        Assert.All(Enumerable.Range(0, 48), f => Assert.Null(cut.FadeAt(f)));
    }

    [Fact]
    public void Progress_runs_from_zero_to_one_within_each_shot()
    {
        var timeline = new Timeline(Plans.TwoShots(), 24, 0);
        Assert.Equal(0f, timeline.ProgressOf(0, 0));
        Assert.Equal(1f, timeline.ProgressOf(0, 47));
        Assert.InRange(timeline.ProgressOf(0, 23), 0.48f, 0.5f);
        Assert.Equal(0f, timeline.ProgressOf(1, 48));
        Assert.Equal(1f, timeline.ProgressOf(0, 60));
        Assert.Equal(2000, timeline.MillisecondsAt(48));
    }
}
