using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Tests.Pipeline;

public sealed class WorldPipelineTests
{
    private sealed class Recorder : IPipelineObserver
    {
        public List<string> Started { get; } = [];

        public List<string> Completed { get; } = [];

        public void StageStarting(int index, int count, string stage) => Started.Add(stage);

        public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng) => Completed.Add(stage);
    }

    [Fact]
    public void Stages_StartWithTheTerrainAndWaterStages_InOrder() =>
        Assert.Equal(["heightmap", "climate", "biomes", "hydrology"], WorldPipeline.Stages.Take(4).Select(s => s.Name));

    [Theory]
    [InlineData(WorldPreset.Continent)]
    [InlineData(WorldPreset.Archipelago)]
    [InlineData(WorldPreset.Highlands)]
    [InlineData(WorldPreset.Desert)]
    [InlineData(WorldPreset.FrozenNorth)]
    public void Generate_RunsEveryStage_ForEachPreset(WorldPreset preset)
    {
        var recorder = new Recorder();

        var world = WorldPipeline.Generate(ForgeSeed.Parse("pipeline"), new WorldParameters { Width = 128, Height = 128, Preset = preset }, recorder);

        var names = WorldPipeline.Stages.Select(s => s.Name).ToList();
        Assert.Equal(names, recorder.Started);
        Assert.Equal(names, recorder.Completed);
        Assert.Equal(128 * 128, world.Heightmap!.Cells.Length);
        Assert.Equal(128 * 128, world.Climate!.Temperature.Length);
        Assert.Equal(128 * 128, world.Biomes!.Cells.Length);
        Assert.Equal(128 * 128, world.Hydrology!.Flow.Length);
    }

    [Fact]
    public void Generate_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => WorldPipeline.Generate(ForgeSeed.Parse("x"), new WorldParameters { Width = 64, Height = 64 }, cancellationToken: cancelled.Token));
    }
}
