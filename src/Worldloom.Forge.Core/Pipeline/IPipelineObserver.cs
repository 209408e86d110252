using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Pipeline;

/// <summary>Watches a pipeline run: progress bars, timings and scripted rules hook in here.</summary>
public interface IPipelineObserver
{
    /// <summary>Stage <paramref name="index"/> of <paramref name="count"/> (0-based) is about to run.</summary>
    void StageStarting(int index, int count, string stage);

    /// <summary>
    /// Stage <paramref name="index"/> has run; the observer may edit <paramref name="world"/> (scripted rules do, with
    /// their own stream <paramref name="rulesRng"/> so a script never shifts a stage's numbers).
    /// </summary>
    void StageCompleted(int index, int count, string stage, ForgeWorld world, Random.ChaChaRng rulesRng);
}
