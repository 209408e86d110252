using System.Text.Json;
using Worldloom.Forge.Exports;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Server.Tests.Exports;

public sealed class ExportRulesTests
{
    [Theory]
    [InlineData("Dragon Coast", "dragon-coast-0123abcd.zip")]
    [InlineData("  Élan  Vital!! ", "elan-vital-0123abcd.zip")]
    [InlineData("../../etc/passwd", "etc-passwd-0123abcd.zip")]
    [InlineData("世界", "world-0123abcd.zip")]
    [InlineData("a\"b;c\r\nd", "a-b-c-d-0123abcd.zip")]
    public void FileName_IsASafeSlugAndTheHashPrefix(string name, string expected) =>
        Assert.Equal(expected, ExportFileName.For(name, "0123abcd" + new string('f', 56)));

    [Fact]
    public void FileName_OfAVeryLongName_IsBounded() =>
        Assert.Equal(new string('x', 48) + "-0123abcd.zip", ExportFileName.For(new string('x', 500), "0123abcd" + new string('f', 56)));

    [Theory]
    [InlineData("\"all\"", "json,tiled,godot,unity,unreal,blender,gamemaker,roblox,defold")]
    [InlineData("[\"Defold\", \" json \", \"defold\"]", "json,defold")]
    [InlineData("\"tiled,json\"", "json,tiled")]
    [InlineData("[\"all\", \"json\"]", "json,tiled,godot,unity,unreal,blender,gamemaker,roblox,defold")]
    public void Choice_ReadsNamesInBundleOrderWithoutRepeats(string json, string expected)
    {
        var v = new Validation();
        var engines = ExportChoice.Read(v, "engines", JsonDocument.Parse(json).RootElement);
        Assert.False(v.Failed);
        Assert.Equal(expected, string.Join(',', engines));
    }

    [Fact]
    public void Progress_CountsEnginesDone_AndEveryChangeCompletesTheSignalTakenBeforeIt()
    {
        var progress = new ExportProgress(["json", "tiled"]);
        var first = progress.Read();
        var changed = progress.Changed;
        Assert.False(changed.IsCompleted);

        progress.EngineStarted("tiled");
        Assert.True(changed.IsCompleted);
        progress.EngineFinished("tiled", 3, 1234);
        var reading = progress.Read();

        Assert.Equal(first.Version + 2, reading.Version);
        Assert.Equal([("json", "queued", 0, 0L), ("tiled", "done", 3, 1234L)], reading.Engines.Select(e => (e.Engine, e.Status, e.Files, e.Bytes)));
        Assert.True(reading.Percent > first.Percent);
        Assert.Contains("1 of 2", reading.Stage, StringComparison.Ordinal);
        Assert.Equal(reading.Engines, ExportProgress.FromJson(ExportProgress.ToJson(reading.Engines)));
    }

    [Fact]
    public void Progress_FromParallelThreads_LosesNoEngine()
    {
        var engines = Enumerable.Range(0, 64).Select(i => $"e{i}").ToList();
        var progress = new ExportProgress(engines);

        Parallel.ForEach(engines, e =>
        {
            progress.EngineStarted(e);
            progress.EngineFinished(e, 1, 10);
        });
        progress.Packing();

        var reading = progress.Read();
        Assert.All(reading.Engines, e => Assert.Equal("done", e.Status));
        Assert.Equal((engines.Count * 2) + 1, reading.Version);
        Assert.Equal(85, reading.Percent);
    }
}
