using System.Diagnostics;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Times each pipeline stage from <see cref="StageStarting"/> to <see cref="StageCompleted"/>; what the pipeline does
/// between stages (deriving the next stage's stream) falls outside every stage but inside the run's total.
/// </summary>
internal sealed class StageClock : IPipelineObserver
{
    private long _started;

    /// <summary>Milliseconds per stage, in pipeline order.</summary>
    public double[] StageMs { get; } = new double[WorldPipeline.Stages.Count];

    /// <inheritdoc />
    public void StageStarting(int index, int count, string stage) => _started = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng) =>
        StageMs[index] = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
}
