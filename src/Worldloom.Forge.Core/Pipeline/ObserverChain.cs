using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Pipeline;

/// <summary>
/// Several pipeline observers as one, called in order: scripted rules first, so a stage's progress reports it done
/// only after the rules have edited its output, then progress.
/// </summary>
public sealed class ObserverChain(params IPipelineObserver[] observers) : IPipelineObserver
{
    /// <inheritdoc />
    public void StageStarting(int index, int count, string stage)
    {
        foreach (var observer in observers)
        {
            observer.StageStarting(index, count, stage);
        }
    }

    /// <inheritdoc />
    public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng)
    {
        foreach (var observer in observers)
        {
            observer.StageCompleted(index, count, stage, world, rulesRng);
        }
    }
}
