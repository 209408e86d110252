using SkiaSharp;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Continuity;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Core.Shots;
using Worldloom.Stories.Render.Storyboard;

namespace Worldloom.Stories.Render.Tests;

public sealed class SceneContinuityTests
{
    private static readonly string[] Prompts =
    [
        "Mira climbs the old tower at dawn and finds the bell gone.",
        "Tomas meets Mira at the river and warns her about the wolf.",
        "The wolf circles the tower while Mira and Tomas watch from the gate.",
        "Mira and Tomas cross the stone bridge in the rain.",
        "At night Mira rings an old bell at the tower as Tomas keeps watch.",
    ];

    [Fact]
    public void Every_entity_keeps_its_colours_through_a_five_segment_scene()
    {
        var created = SceneBible.Create([Plans.Mira, Plans.Tomas, Plans.Wolf, Plans.Tower, Plans.River], []);
        var bible = created.Bible!;
        var narrator = new GrammarNarrator();
        var options = new RenderOptions { BurnInSubtitles = false, Captions = false };
        var looks = new Dictionary<string, List<(int Segment, int Shot, Dictionary<string, SKColor> Colours)>>();
        var summary = "";
        using var bitmap = new SKBitmap(StoryboardRenderer.FrameInfo(options));
        using var canvas = new SKCanvas(bitmap);
        for (var segment = 1; segment <= Prompts.Length; segment++)
        {
            var narrated = narrator.Narrate(new NarrationRequest { Bible = bible, Segment = segment, Prompt = Prompts[segment - 1], PreviousSummary = summary, Seed = 7 });
            Assert.True(narrated.Succeeded, narrated.Failure?.Message);
            var report = ContinuityValidator.Validate(bible, narrated.Plan!);
            Assert.Empty(report.Violations);
            summary = report.Plan.Summary;

            using var renderer = new StoryboardRenderer(report.Plan, bible.AsOf(segment), options);
            for (var shot = 0; shot < report.Plan.Shots.Count; shot++)
            {
                var frame = renderer.KeyFrameOf(shot);
                renderer.Draw(frame, canvas);
                foreach (var subject in report.Plan.Shots[shot].Subjects)
                {
                    // A zoom can carry part of a figure out of the frame; what stays in frame must match.
                    var colours = renderer.SamplePoints(frame, subject.Entity)
                        .Where(p => p.Value.X >= 0 && p.Value.Y >= 0 && p.Value.X < options.Width && p.Value.Y < options.Height)
                        .ToDictionary(p => p.Key, p => bitmap.GetPixel((int)p.Value.X, (int)p.Value.Y));
                    if (!looks.TryGetValue(subject.Entity, out var seen))
                    {
                        looks[subject.Entity] = seen = [];
                    }

                    seen.Add((segment, shot, colours));
                }
            }
        }

        Assert.Contains("char_mira", looks.Keys);
        Assert.Contains("char_tomas", looks.Keys);
        Assert.True(looks["char_mira"].Select(l => l.Segment).Distinct().Count() >= 4, "Mira should appear in most segments");
        foreach (var (entity, seen) in looks)
        {
            var reference = seen.OrderByDescending(s => s.Colours.Count).First();
            foreach (var (segment, shot, colours) in seen)
            {
                foreach (var (part, colour) in colours)
                {
                    Assert.True(reference.Colours[part] == colour, $"{entity} {part}: {colour} in segment {segment} shot {shot + 1}, {reference.Colours[part]} in segment {reference.Segment} shot {reference.Shot + 1}");
                }
            }
        }

        Assert.Equal(new SKColor(0xC0, 0x26, 0x2D), looks["char_mira"].First(l => l.Colours.ContainsKey("cloak")).Colours["cloak"]);
    }
}
