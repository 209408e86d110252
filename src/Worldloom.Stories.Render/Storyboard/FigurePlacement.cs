using SkiaSharp;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>A figure of a shot: its look, where its feet stand (design units) and its depth scale.</summary>
internal sealed record FigurePlacement(string Entity, FigureLook Look, SKPoint Feet, float Scale)
{
    /// <summary>Places the subjects of <paramref name="shot"/>: a position's figures spread apart, far ones small and high.</summary>
    public static IReadOnlyList<(ShotSubject Subject, SKPoint Feet, float Scale)> Layout(Shot shot)
    {
        var placed = new List<(ShotSubject, SKPoint, float)>();
        foreach (var group in shot.Subjects.GroupBy(s => s.Position))
        {
            var members = group.ToList();
            for (var k = 0; k < members.Count; k++)
            {
                var spread = (k - ((members.Count - 1) / 2f)) * 150f;
                var (x, y, scale) = group.Key switch
                {
                    ScreenPosition.Left => (Stage.Width * 0.25f, Stage.Ground, 1f),
                    ScreenPosition.Right => (Stage.Width * 0.75f, Stage.Ground, 1f),
                    ScreenPosition.Distance => (Stage.Width * 0.5f, Stage.Horizon + 70f, 0.42f),
                    _ => (Stage.Width * 0.5f, Stage.Ground, 1f),
                };
                placed.Add((members[k], new SKPoint(x + (spread * scale), y), scale));
            }
        }

        // Far figures first, so near ones stand in front of them.
        return [.. placed.OrderBy(p => p.Item3).ThenBy(p => shot.Subjects.ToList().IndexOf(p.Item1))];
    }
}
