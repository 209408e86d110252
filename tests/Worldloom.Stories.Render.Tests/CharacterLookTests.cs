using SkiaSharp;
using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Stories.Render.Tests;

public sealed class CharacterLookTests
{
    private static SKBitmap Frame(StoryboardRenderer renderer, int frame, RenderOptions options)
    {
        var bitmap = new SKBitmap(StoryboardRenderer.FrameInfo(options));
        using var canvas = new SKCanvas(bitmap);
        renderer.Draw(frame, canvas);
        return bitmap;
    }

    private static Dictionary<string, SKColor> Sample(StoryboardRenderer renderer, int frame, string entity, RenderOptions options)
    {
        using var bitmap = Frame(renderer, frame, options);
        return renderer.SamplePoints(frame, entity).ToDictionary(p => p.Key, p => bitmap.GetPixel((int)p.Value.X, (int)p.Value.Y));
    }

    [Fact]
    public void A_character_has_the_same_colours_in_different_shots_and_segments()
    {
        var options = new RenderOptions();
        using var first = new StoryboardRenderer(Plans.TwoShots(1), Plans.Bible, options);
        var other = Plans.TwoShots(2) with
        {
            Shots = [Plans.TwoShots().Shots[1] with { Camera = CameraMove.ZoomIn, Setting = new ShotSetting { Location = "loc_tower", Time = TimeOfDay.Night, Weather = Weather.Snow } }],
        };
        using var second = new StoryboardRenderer(other, Plans.Bible, options);

        // Mira: panning by day at the tower, left; then in a dolly at the river at dusk, right; then zoomed in at night.
        var byDay = Sample(first, 10, "char_mira", options);
        var atDusk = Sample(first, 80, "char_mira", options);
        var atNight = Sample(second, 30, "char_mira", options);

        Assert.Equal(["cloak", "face", "hair", "legs", "torso"], byDay.Keys.Order());
        Assert.Equal(new SKColor(0xC0, 0x26, 0x2D), byDay["cloak"]);
        Assert.Equal(new SKColor(0x1A, 0x1A, 0x1A), byDay["hair"]);
        Assert.Equal(new SKColor(0xF3, 0xE9, 0xC6), byDay["torso"]);
        Assert.Equal(byDay, atDusk);
        Assert.Equal(byDay, atNight);

        // The wolf, far off at the river at dusk in the rain, and zoomed in on at the tower at night in the snow.
        var wolf = Sample(first, 80, "beast_wolf", options);
        Assert.Equal(new SKColor(0x80, 0x80, 0x80), wolf["body"]);
        Assert.Equal(wolf, Sample(second, 40, "beast_wolf", options));
    }

    [Fact]
    public void Different_characters_look_different_and_a_shot_can_change_a_garment()
    {
        var options = Plans.Small with { Width = 640, Height = 360 };
        using var renderer = new StoryboardRenderer(Plans.TwoShots(), Plans.Bible, options);
        var mira = Sample(renderer, 40, "char_mira", options);
        var tomas = Sample(renderer, 40, "char_tomas", options);
        Assert.NotEqual(mira["torso"], tomas["torso"]);
        Assert.Equal(new SKColor(0x2E, 0x8B, 0x3A), tomas["torso"]);

        var shot = Plans.TwoShots().Shots[0];
        var blue = Plans.TwoShots() with
        {
            Shots = [shot with { Subjects = [shot.Subjects[0] with { Wearing = [new Core.Bible.Garment("cloak", "blue")] }] }],
        };
        using var changed = new StoryboardRenderer(blue, Plans.Bible, options);
        var inBlue = Sample(changed, 5, "char_mira", options);
        Assert.Equal(new SKColor(0x2E, 0x5C, 0xB8), inBlue["cloak"]);
        Assert.Equal(mira["hair"], inBlue["hair"]);
    }

    [Fact]
    public void The_same_plan_draws_the_same_pixels()
    {
        var options = Plans.Small;
        using var a = new StoryboardRenderer(Plans.TwoShots(), Plans.Bible, options);
        using var b = new StoryboardRenderer(Plans.TwoShots(), Plans.Bible, options);
        foreach (var frame in new[] { 0, 23, 24, 47 })
        {
            using var left = Frame(a, frame, options);
            using var right = Frame(b, frame, options);
            Assert.True(left.GetPixelSpan().SequenceEqual(right.GetPixelSpan()), $"frame {frame} differs");
        }
    }

    [Fact]
    public void A_place_looks_the_same_whoever_stands_in_it()
    {
        var options = Plans.Small;
        var shot = Plans.TwoShots().Shots[0] with { Camera = CameraMove.Static, Dialogue = null };
        using var withMira = new StoryboardRenderer(Plans.TwoShots() with { Shots = [shot] }, Plans.Bible, options);
        using var empty = new StoryboardRenderer(Plans.TwoShots() with { Shots = [shot with { Subjects = [] }] }, Plans.Bible, options);
        using var one = Frame(withMira, 5, options);
        using var two = Frame(empty, 5, options);

        // The right third of the frame holds no figure: the background there is the same pixels.
        for (var y = 60; y < 180; y += 7)
        {
            for (var x = 200; x < 320; x += 9)
            {
                Assert.Equal(one.GetPixel(x, y), two.GetPixel(x, y));
            }
        }
    }
}
