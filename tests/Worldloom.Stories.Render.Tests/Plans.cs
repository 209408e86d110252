using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Tests;

/// <summary>A small bible (two people, a wolf, two places) and short plans over it.</summary>
internal static class Plans
{
    public static BibleState Bible { get; } = CreateBible();

    public static BibleEntity Mira => new()
    {
        Id = "char_mira",
        Name = "Mira Vell",
        Attributes = new Dictionary<string, string> { ["hair"] = "black", ["build"] = "lean", ["eyes"] = "green", ["pronouns"] = "she" },
        Clothing = [new Garment("cloak", "red"), new Garment("boots", "brown"), new Garment("tunic", "cream")],
        Items = ["silver locket"],
    };

    public static BibleEntity Tomas => new()
    {
        Id = "char_tomas",
        Name = "Tomas Brand",
        Attributes = new Dictionary<string, string> { ["hair"] = "auburn", ["build"] = "broad" },
        Clothing = [new Garment("coat", "green"), new Garment("trousers", "navy")],
        Items = ["oak staff"],
    };

    public static BibleEntity Wolf => new()
    {
        Id = "beast_wolf",
        Name = "Grey Wolf",
        Attributes = new Dictionary<string, string> { ["colour"] = "grey", ["family"] = "wolf", ["size"] = "medium" },
    };

    public static BibleEntity Tower => new()
    {
        Id = "loc_tower",
        Name = "The Old Tower",
        Attributes = new Dictionary<string, string> { ["biome"] = "grassland" },
        Palette = ["grey", "green"],
        Landmarks = ["broken bell tower", "crooked gate"],
    };

    public static BibleEntity River => new()
    {
        Id = "loc_river",
        Name = "The Silver River",
        Attributes = new Dictionary<string, string> { ["biome"] = "wetland" },
        Landmarks = ["stone bridge"],
    };

    /// <summary>Two shots of about 2 s: Mira at the tower by day, then Mira and Tomas at the river at dusk.</summary>
    public static ShotPlan TwoShots(int segment = 1) => new()
    {
        Segment = segment,
        Summary = "Mira reaches the tower and meets Tomas at the river.",
        Shots =
        [
            new Shot
            {
                DurationMs = 2000,
                Camera = CameraMove.PanRight,
                Setting = new ShotSetting { Location = "loc_tower", Time = TimeOfDay.Day },
                Subjects = [new ShotSubject { Entity = "char_mira", Action = "climbs the broken stair", Position = ScreenPosition.Left }],
                Dialogue = new DialogueLine("char_mira", "The bell has not rung in years."),
                Description = "Mira climbs towards the broken bell tower.",
            },
            new Shot
            {
                DurationMs = 2000,
                Camera = CameraMove.DollyIn,
                Setting = new ShotSetting { Location = "loc_river", Time = TimeOfDay.Dusk, Weather = Weather.Rain },
                Subjects =
                [
                    new ShotSubject { Entity = "char_mira", Action = "waits", Position = ScreenPosition.Right },
                    new ShotSubject { Entity = "char_tomas", Action = "crosses the bridge", Position = ScreenPosition.Left },
                    new ShotSubject { Entity = "beast_wolf", Action = "watches", Position = ScreenPosition.Distance },
                ],
                Dialogue = new DialogueLine("char_tomas", "You came back <alone>?"),
                Vista = new Vista("loc_tower", Core.Rules.Compass.North),
                Description = "Tomas crosses the stone bridge in the rain.",
            },
        ],
    };

    /// <summary>Small, fast options for most tests: the same picture at a quarter of the size and half the frame rate.</summary>
    public static RenderOptions Small => new() { Width = 320, Height = 180, Fps = 12, ThumbnailWidth = 160 };

    private static BibleState CreateBible()
    {
        var result = SceneBible.Create([Mira, Tomas, Wolf, Tower, River], []);
        Assert.Empty(result.Errors);
        return result.Bible!.Latest;
    }
}
