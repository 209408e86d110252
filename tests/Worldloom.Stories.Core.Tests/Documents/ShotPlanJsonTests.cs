using System.Text;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Documents;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Core.Tests.Documents;

public sealed class ShotPlanJsonTests
{
    internal static ShotPlan Plan(params Shot[] shots) => new() { Segment = 2, Shots = shots, Summary = "Mira climbs the tower." };

    internal static Shot Shot(params ShotSubject[] subjects) => new()
    {
        DurationMs = 3000,
        Camera = CameraMove.DollyIn,
        Setting = new ShotSetting { Location = "loc_tower", Biome = Biome.Grassland, Time = TimeOfDay.Dusk, Weather = Weather.Fog },
        Subjects = subjects,
        Description = "Mira climbs.",
    };

    [Fact]
    public void Write_ThenRead_RoundTripsEveryField()
    {
        var plan = Plan(
            Shot(new ShotSubject
            {
                Entity = "char_mira",
                Action = "climbs the broken stair",
                Position = ScreenPosition.Left,
                Wearing = [new Garment("cloak", "red")],
                Holding = ["silver locket"],
                Look = TestBibles.Map(("hair", "black")),
            }) with { Dialogue = new DialogueLine("char_mira", "Up we go."), Vista = new Vista("loc_river", Compass.South) },
            Shot() with { Camera = CameraMove.ZoomOut, Setting = new ShotSetting { Biome = Biome.Desert } });
        var bytes = ShotPlanJson.Write(plan);

        var read = ShotPlanJson.Read(bytes, out var errors);

        Assert.Empty(errors);
        Assert.Equal(bytes, ShotPlanJson.Write(read!));
        Assert.Equal(plan.Shots[0].Vista, read!.Shots[0].Vista);
        Assert.Equal(plan.Shots[0].Dialogue, read.Shots[0].Dialogue);
        Assert.Equal(plan.Shots[1].Setting, read.Shots[1].Setting);
        Assert.Equal("black", read.Shots[0].Subjects[0].Look["hair"]);
        Assert.Equal(6000, read.DurationMs);
    }

    [Fact]
    public void Write_IsCanonical()
    {
        var text = Encoding.UTF8.GetString(ShotPlanJson.Write(Plan(Shot())));
        Assert.Equal(
            """{"segment":2,"shots":[{"camera":"dolly_in","description":"Mira climbs.","durationMs":3000,"setting":{"biome":"grassland","location":"loc_tower","time":"dusk","weather":"fog"},"subjects":[]}],"summary":"Mira climbs the tower."}""",
            text);
    }

    [Theory]
    [InlineData("shots[0].camera", "\"spin\"", "unknown value \"spin\"")]
    [InlineData("shots[0].durationMs", "50", "between 1000 and 10000")]
    [InlineData("shots[0].durationMs", "\"3s\"", "expected an integer")]
    [InlineData("shots[0].setting.time", "\"noon\"", "expected dawn, day, dusk or night")]
    [InlineData("shots[0].setting.biome", "\"lava\"", "unknown biome")]
    [InlineData("shots[0].setting.location", "\"tower\"", "no location id")]
    [InlineData("shots[0].description", "\"\"", "not blank")]
    [InlineData("segment", "0", "between 1 and 9999")]
    public void Read_BadField_NamesItsPath(string path, string value, string message)
    {
        var json = Encoding.UTF8.GetString(ShotPlanJson.Write(Plan(Shot())));
        var field = path.Split('.')[^1];
        var original = field switch
        {
            "camera" => "\"dolly_in\"",
            "durationMs" => "3000",
            "time" => "\"dusk\"",
            "biome" => "\"grassland\"",
            "location" => "\"loc_tower\"",
            "description" => "\"Mira climbs.\"",
            _ => "2",
        };
        json = json.Replace($"\"{field}\":{original}", $"\"{field}\":{value}", StringComparison.Ordinal);

        Assert.Null(ShotPlanJson.Read(Encoding.UTF8.GetBytes(json), out var errors));
        Assert.Contains(errors, e => e.Field == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SubjectProblems_AreAllReported()
    {
        var json = """{"segment":1,"shots":[{"camera":"static","description":"d","durationMs":2000,"setting":{"biome":"desert","time":"day","weather":"clear"},"subjects":[{"action":"x","entity":"mira","position":"middle","wearing":[{"item":"cloak","colour":"mauve","size":3}]}]}],"summary":"s"}""";
        Assert.Null(ShotPlanJson.Read(Encoding.UTF8.GetBytes(json), out var errors));
        Assert.Contains(errors, e => e.Field == "shots[0].subjects[0].position");
        Assert.Contains(errors, e => e.Field == "shots[0].subjects[0].wearing[0].size");
    }

    [Fact]
    public void Limits_TooManyShotsAndSubjects_AreReported()
    {
        var crowd = Enumerable.Range(0, 5).Select(i => new ShotSubject { Entity = $"char_{i}", Action = "waits" }).ToArray();
        var plan = Plan([.. Enumerable.Repeat(Shot(crowd) with { DurationMs = 5000 }, 13)]);
        var errors = ShotPlanLimits.Check(plan);
        Assert.Contains(errors, e => e.Field == "shots" && e.Message.Contains("1 to 12", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "shots[12].subjects");
        Assert.Contains(errors, e => e.Field == "shots" && e.Message.Contains("at most 60000", StringComparison.Ordinal));
    }
}
